namespace FunctionsIngest.Sources.Json;

/// <summary>The layout of a JSON source file.</summary>
public enum JsonLayout
{
    /// <summary>'[' as the first non-space byte => <see cref="Array"/>, anything else => <see cref="Lines"/>.</summary>
    Auto,
    /// <summary>One top-level array of objects.</summary>
    Array,
    /// <summary>NDJSON / JSON Lines: one object after another, usually one per line.</summary>
    Lines,
}

/// <summary>How a JSON or NDJSON file is read as a table.</summary>
public sealed record JsonReadOptions
{
    public JsonLayout Layout { get; init; } = JsonLayout.Auto;

    /// <summary>True: a column whose every string is an ISO date (yyyy-MM-dd) becomes Date, ISO date-times Timestamp.</summary>
    public bool InferDates { get; init; } = true;

    /// <summary>Limit on distinct flattened columns, against files whose keys are data.</summary>
    public int MaxColumns { get; init; } = 10_000;

    public int BatchSize { get; init; } = 4096;

    /// <summary>The name used for the file in every error and warning; default: the file name.</summary>
    public string? DisplayName { get; init; }
}
