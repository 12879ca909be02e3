using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>How a delimited text file (CSV, TSV, semicolon...) is split, decoded, named and typed.</summary>
public sealed record CsvReadOptions
{
    /// <summary>One character (",", ";", "\t", "|"...), or "auto" to pick among , ; tab | from the first lines.</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>The quote character; '\0' turns quoting off (every quote is plain text).</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The character escaping a quote inside a quoted field; null = the quote itself (RFC 4180 doubled quotes), or e.g. '\\'.</summary>
    public char? Escape { get; init; }

    public bool HasHeader { get; init; } = true;

    /// <summary>Physical lines skipped before the header (or the first record), whatever they hold.</summary>
    public int SkipRows { get; init; }

    /// <summary>"utf-8" (default), "utf-16"/"utf-16le", "utf-16be", "windows-1252", or any .NET encoding name. A BOM in the file wins.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Culture for numbers (decimal separator) and the short date pattern, e.g. "fr-FR"; "" = invariant.</summary>
    public string Culture { get; init; } = "";

    /// <summary>True: a record with fewer fields than the header reads the missing ones as null. False: it is an error.</summary>
    public bool AllowShortRows { get; init; } = true;

    /// <summary>Columns whose type is given instead of inferred, matched by final column name (case-insensitive).</summary>
    public IReadOnlyList<ColumnOverride>? Schema { get; init; }

    public int BatchSize { get; init; } = 4096;

    /// <summary>True: the next batch is parsed on the thread pool while the caller consumes the current one.</summary>
    public bool ReadAhead { get; init; } = true;

    /// <summary>
    /// True: one pass instead of two, on a file large enough to be cut: column types come from a sample (slices of five
    /// evenly spread chunks) and every value is checked against them as it is read. When a value would change its
    /// column's type, or any record fails, reading ends in <see cref="SpeculationMissedException"/> and the caller must
    /// discard the output and read again without it (<see cref="SpeculativeRead"/>). False (default): two passes.
    /// </summary>
    public bool SinglePass { get; init; }

    /// <summary>Files at least this large are profiled in chunks on all cores (<see cref="CsvSplitScan"/>); tests lower it.</summary>
    internal long SplitScanMinBytes { get; init; } = 4 << 20;

    /// <summary>Bytes per chunk of a split file (at least; large files use at most 4096 chunks); tests lower it.</summary>
    internal long SplitChunkBytes { get; init; } = 1 << 20;

    /// <summary>The name used for the file in every error and warning; default: the file name.</summary>
    public string? DisplayName { get; init; }
}
