using FunctionsIngest.Jobs;

namespace FunctionsIngest.Runs;

/// <summary>The two datasets a run of a job may write: its destination and its quarantine.</summary>
public sealed class RunPaths(JobDefinition job, string runId)
{
    public DatasetPaths Dataset { get; } = new(job.Destination.Path, runId);

    public DatasetPaths Quarantine { get; } = new(QuarantineDefinition.For(job).Path!, runId);
}
