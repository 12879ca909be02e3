using FunctionsIngest.Jobs;

namespace FunctionsIngest.Runs;

/// <summary>Everything a step executor gets: the claimed step, its run, the frozen job definition, a log.</summary>
public sealed record StepContext(RunStep Step, RunRecord Run, JobDefinition Job, RunLog Log, DateTimeOffset Now);

/// <summary>What a step executor hands back: its JSON output, rows, and follow-up steps.</summary>
public sealed record StepResult(string? Output, long Rows, IReadOnlyList<RunStep> Next)
{
    public static StepResult Done(string? output = null, long rows = 0) => new(output, rows, []);
}
