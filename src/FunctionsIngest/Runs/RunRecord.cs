namespace FunctionsIngest.Runs;

/// <summary>One execution of a job, as kept in the store and shown by the status endpoint.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    /// <summary>The job's name when the run was created (kept if the job is later renamed or deleted).</summary>
    public required string JobName { get; init; }
    /// <summary>"manual" or "schedule".</summary>
    public string Trigger { get; init; } = "manual";
    public RunStatus Status { get; init; } = RunStatus.Pending;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUpdatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long RowsRead { get; init; }
    public long RowsWritten { get; init; }
    /// <summary>Rows that broke a validation rule or a cast and went to the job's quarantine dataset.</summary>
    public long RowsQuarantined { get; init; }
    /// <summary>Dataset-relative paths of the files the run published.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];
    public string? Error { get; init; }
    /// <summary>Free-form progress document (JSON), the Durable customStatus.</summary>
    public string? CustomStatus { get; init; }
    /// <summary>The cron instant a scheduled run was created for (unique per job); null for manual runs.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }
    /// <summary>The failed run whose unfinished work this run redoes; null otherwise.</summary>
    public string? RerunOf { get; init; }
    /// <summary>The job definition (JSON) the run executes, frozen at creation.</summary>
    public required string JobSnapshot { get; init; }
}
