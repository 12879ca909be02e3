namespace FunctionsIngest.Jobs;

/// <summary>The overlap policies a job can choose (see <see cref="JobDefinition.Overlap"/>).</summary>
public static class OverlapPolicies
{
    public const string Skip = "skip";
    public const string Queue = "queue";
    public const string Allow = "allow";
    public static readonly IReadOnlyList<string> All = [Skip, Queue, Allow];
}

/// <summary>The catch-up policies a job can choose (see <see cref="JobDefinition.CatchUp"/>).</summary>
public static class CatchUpPolicies
{
    public const string Skip = "skip";
    public const string Once = "once";
    public const string All = "all";
    public static readonly IReadOnlyList<string> Values = [Skip, Once, All];

    /// <summary>At most this many missed instants run under "all".</summary>
    public const int MaxCatchUpRuns = 50;
}
