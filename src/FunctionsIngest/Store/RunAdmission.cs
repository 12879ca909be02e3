using FunctionsIngest.Runs;

namespace FunctionsIngest.Store;

/// <summary>The outcome of <see cref="IIngestStore.TryCreateRunAsync"/>.</summary>
public sealed record RunAdmission(bool Created, RunRecord? ActiveRun = null, bool AlreadyScheduled = false)
{
    public static RunAdmission Accepted { get; } = new(true);
}

/// <summary>The outcome of <see cref="IIngestStore.CancelRunAsync"/>.</summary>
public enum CancelOutcome
{
    Canceled,
    NotFound,
    AlreadyFinal,
    /// <summary>The commit has started: the run will complete; cancelling now could leave half its files published.</summary>
    Committing,
}

/// <summary>A source file as seen when a run planned it; the incremental watermark is a set of these.</summary>
public sealed record FileVersion(string File, long Size, DateTimeOffset Modified);

/// <summary>What the scheduler needs of an enabled job with a schedule, without its whole definition.</summary>
public sealed record ScheduledJob(string Id, string Schedule, string? TimeZone, string CatchUp, DateTimeOffset UpdatedAt);
