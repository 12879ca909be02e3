namespace FunctionsIngest.Jobs;

/// <summary>What a user defines: where to read, where to write, when to run.</summary>
public sealed record JobDefinition
{
    public required string Name { get; init; }
    public required SourceDefinition Source { get; init; }
    public required DestinationDefinition Destination { get; init; }
    /// <summary>NCRONTAB expression (5 or 6 fields); null means on demand only.</summary>
    public string? Schedule { get; init; }
    /// <summary>IANA time zone the schedule is evaluated in; null means UTC.</summary>
    public string? TimeZone { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>What a start does while the job has an active run: "skip" (refuse), "queue" (wait), "allow" (run at once).</summary>
    public string Overlap { get; init; } = OverlapPolicies.Skip;
    /// <summary>Which schedule instants missed during downtime run: "skip" (none), "once" (the latest), "all" (each, capped).</summary>
    public string CatchUp { get; init; } = CatchUpPolicies.Once;
    /// <summary>How transiently failing steps are retried; null means <see cref="Runs.RetryPolicy.Default"/>.</summary>
    public Runs.RetryPolicy? Retry { get; init; }
}

/// <summary>The input of a job. <see cref="Path"/> is relative to the storage root and may be a pattern ("in/sales/*.xlsx", "in/**/*.xlsx").</summary>
public sealed record SourceDefinition
{
    public string Type { get; init; } = "excel";
    public required string Path { get; init; }
    /// <summary>Sheet name, or a 1-based index written as digits; null means the first sheet.</summary>
    public string? Sheet { get; init; }
    public int HeaderRow { get; init; } = 1;
    /// <summary>With a file pattern: process only files that are new or changed since the last committed run.</summary>
    public bool Incremental { get; init; }
}

/// <summary>The Parquet dataset a job writes: a folder relative to the storage root.</summary>
public sealed record DestinationDefinition
{
    public required string Path { get; init; }
    public string Compression { get; init; } = "snappy";
}
