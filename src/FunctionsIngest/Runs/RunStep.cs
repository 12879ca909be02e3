namespace FunctionsIngest.Runs;

public enum StepKind
{
    Plan,
    Copy,
    Commit,
}

public enum StepStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One unit of a run's orchestration. Workers claim a step with a lease; a step whose lease expired
/// (its worker died) can be claimed again. <see cref="Input"/>/<see cref="Output"/> are JSON.
/// </summary>
public sealed record RunStep
{
    public long Id { get; init; }
    public required string RunId { get; init; }
    public required StepKind Kind { get; init; }
    /// <summary>Position among the run's steps of the same kind (0 for plan and commit).</summary>
    public int Ordinal { get; init; }
    public StepStatus Status { get; init; } = StepStatus.Pending;
    public int Attempt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    /// <summary>Not claimable before this instant (retry backoff); null means now.</summary>
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long Rows { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
}
