using FunctionsIngest.Parquet;

namespace FunctionsIngest.Datasets;

/// <summary>The compression names users write in jobs and on the command line.</summary>
public static class CompressionNames
{
    public static readonly IReadOnlyList<string> All = ["snappy", "gzip", "zstd", "none"];

    public static bool TryParse(string? name, out ParquetCompression compression)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "snappy": compression = ParquetCompression.Snappy; return true;
            case "gzip": compression = ParquetCompression.Gzip; return true;
            case "zstd": compression = ParquetCompression.Zstd; return true;
            case "none" or "uncompressed": compression = ParquetCompression.None; return true;
            default: compression = default; return false;
        }
    }

    public static ParquetCompression Parse(string? name) =>
        TryParse(name, out var compression) ? compression
            : throw new ArgumentException($"Unknown compression '{name}'. Use one of: {string.Join(", ", All)}.");
}
