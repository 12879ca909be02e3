namespace FunctionsIngest.Runs;

public enum RunLogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}

/// <summary>One log row of a run: what happened, in which step, with optional structured data (JSON object).</summary>
public sealed record RunLogEntry
{
    public long Id { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public RunLogLevel Level { get; init; } = RunLogLevel.Information;
    /// <summary>"run", "plan", "copy[0]", "commit"...</summary>
    public required string Step { get; init; }
    public required string Message { get; init; }
    public string? Data { get; init; }
}
