using System.Text.Json.Serialization;

namespace FunctionsIngest.Jobs;

/// <summary>
/// The input of a job. <see cref="Path"/> is relative to the storage root and may be a pattern ("in/sales/*.xlsx",
/// "in/**/*.csv"). Settings are flat; each applies to one <see cref="Type"/> only, and null means the reader's default.
/// The first five properties keep the order and form jobs were stored in before the others existed; the others are
/// left out of stored JSON when null, so an Excel job stores exactly as it always did.
/// </summary>
public sealed record SourceDefinition
{
    /// <summary>"excel", "csv" or "json" (<see cref="SourceTypes"/>).</summary>
    public string Type { get; init; } = SourceTypes.Excel;
    public required string Path { get; init; }
    /// <summary>Excel: sheet name, or a 1-based index written as digits; null means the first sheet.</summary>
    public string? Sheet { get; init; }
    /// <summary>Excel: 1-based header row; null means detect it ("auto" in JSON), so it is stored even when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? HeaderRow { get; init; } = 1;
    /// <summary>With a file pattern: process only files that are new or changed since the last committed run.</summary>
    public bool Incremental { get; init; }
    /// <summary>Columns whose type is given instead of inferred (all source types).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SchemaColumn>? Schema { get; init; }

    // ---- excel ----

    /// <summary>Several sheets (names, 1-based indexes or wildcards) read as one table with a "_sheet" column; exclusive with <see cref="Sheet"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sheets { get; init; }
    /// <summary>A cell range such as "A3:H500", "B:F" or "A3:H"; its first row is the header.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Range { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IncludeHiddenSheets { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IncludeHiddenRows { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? FillMergedCells { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? NormalizeHeaders { get; init; }

    // ---- csv ----

    /// <summary>One character, "\t" or "tab", or "auto"; null means "," (or tab for a .tsv file).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Delimiter { get; init; }
    /// <summary>One character, or "none" to turn quoting off; null means '"'.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; init; }
    /// <summary>One character escaping a quote inside quotes; null means the quote itself (doubled quotes).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Escape { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasHeader { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SkipRows { get; init; }
    /// <summary>"utf-8", "utf-16le", "utf-16be", "windows-1252"...; a byte-order mark in the file wins.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoding { get; init; }
    /// <summary>Culture for numbers and dates, e.g. "fr-FR"; null means invariant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Culture { get; init; }

    // ---- json ----

    /// <summary>"auto", "array" or "lines" (NDJSON); null means "auto".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Layout { get; init; }
}
