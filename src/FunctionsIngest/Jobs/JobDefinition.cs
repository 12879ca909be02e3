using System.Text.Json.Serialization;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Jobs;

/// <summary>What a user defines: where to read, how to reshape and check it, where to write, when to run.</summary>
public sealed record JobDefinition
{
    public required string Name { get; init; }
    public required SourceDefinition Source { get; init; }
    public required DestinationDefinition Destination { get; init; }
    /// <summary>Column transforms applied in order to every batch read; null or empty means none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TransformSpec>? Transforms { get; init; }
    /// <summary>Where rows failing a rule or a cast go; null means the default (see <see cref="QuarantineDefinition.For"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuarantineDefinition? Quarantine { get; init; }
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

/// <summary>The Parquet dataset a job writes: a folder relative to the storage root.</summary>
public sealed record DestinationDefinition
{
    public required string Path { get; init; }
    public string Compression { get; init; } = "snappy";
}
