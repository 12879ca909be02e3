namespace FunctionsIngest.Parquet;

/// <summary>Page compression codec. All members are in the set every mainstream reader accepts.</summary>
public enum ParquetCompression
{
    None,
    Snappy,
    Gzip,

    /// <summary>ZSTD via the system libzstd (libzstd.so.1); the writer's constructor throws NotSupportedException where it is missing.</summary>
    Zstd,
}
