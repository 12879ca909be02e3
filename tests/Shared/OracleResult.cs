using System.Text.Json;

namespace FunctionsIngest.Testing;

/// <summary>What the three readers returned for one file.</summary>
public sealed class OracleResult
{
    public OracleResult(JsonElement raw)
    {
        Raw = raw;
        DuckDb = new ReaderResult("duckdb", raw.GetProperty("duckdb"));
        ArrowRs = new ReaderResult("arrowRs", raw.GetProperty("arrowRs"));
        Hyparquet = new ReaderResult("hyparquet", raw.GetProperty("hyparquet"));
    }

    public JsonElement Raw { get; }
    public ReaderResult DuckDb { get; }
    public ReaderResult ArrowRs { get; }
    public ReaderResult Hyparquet { get; }
    public IReadOnlyList<ReaderResult> Readers => [DuckDb, ArrowRs, Hyparquet];

    /// <summary>DuckDB parquet_metadata() rows (one per row group x column), when read with metadata.</summary>
    public IReadOnlyList<JsonElement> ChunkMetadata =>
        DuckDb.Metadata is { } m ? m.GetProperty("parquet_metadata").EnumerateArray().ToList() : throw new InvalidOperationException("Read with metadata: true.");

    /// <summary>hyparquet's decoded FileMetaData (Thrift field names), when read with metadata.</summary>
    public JsonElement Footer => Hyparquet.Metadata ?? throw new InvalidOperationException("Read with metadata: true.");
}

/// <summary>One reader's view: columns, reader-specific type names, rows of normalised values, or the error it raised.</summary>
public sealed class ReaderResult
{
    public ReaderResult(string name, JsonElement json)
    {
        Name = name;
        if (json.TryGetProperty("error", out var error))
        {
            Error = error.GetString();
            return;
        }

        Columns = json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        Types = json.GetProperty("types").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText()).ToList();
        Rows = json.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToList();
        if (json.TryGetProperty("metadata", out var metadata)) Metadata = metadata;
    }

    public string Name { get; }
    public string? Error { get; }
    public IReadOnlyList<string> Columns { get; } = [];
    public IReadOnlyList<string> Types { get; } = [];
    public IReadOnlyList<JsonElement[]> Rows { get; } = [];
    public JsonElement? Metadata { get; }
}

/// <summary>Raised when a reader fails or disagrees with expected values.</summary>
public sealed class ParquetOracleException : Exception
{
    public ParquetOracleException(string message)
        : base(message)
    {
    }
}
