namespace FunctionsIngest.Jobs;

/// <summary>A stored job: its definition plus identity and timestamps.</summary>
public sealed record Job(string Id, JobDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
