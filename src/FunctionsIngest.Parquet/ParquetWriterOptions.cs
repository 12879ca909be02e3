using System.Reflection;

namespace FunctionsIngest.Parquet;

/// <summary>Knobs of <see cref="ParquetWriter"/>; defaults follow Arrow C++/arrow-rs (1 MiB pages, 1,048,576-row groups).</summary>
public sealed class ParquetWriterOptions
{
    /// <summary>Codec applied to every page.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>ZSTD level (1-22; 3 is zstd's default). Ignored by other codecs.</summary>
    public int ZstdLevel { get; init; } = 3;

    /// <summary>A row group is cut exactly every this many rows (the last one may be shorter).</summary>
    public int RowGroupRows { get; init; } = 1_048_576;

    /// <summary>
    /// Byte budget: at an <see cref="ParquetWriter.EndBatch"/> where the buffered (encoded, compressed) row group
    /// exceeds this, the row group is cut early. Bounds memory for wide or string-heavy tables.
    /// </summary>
    public long RowGroupMaxBytes { get; init; } = 256L << 20;

    /// <summary>Target size of a data page's encoded values (before compression).</summary>
    public int PageSizeBytes { get; init; } = 1 << 20;

    /// <summary>Maximum rows per data page (arrow-rs and parquet-java default to 20,000), whichever of this and PageSizeBytes comes first.</summary>
    public int PageRowLimit { get; init; } = 20_000;

    /// <summary>
    /// Dictionary-encode String, Json and numeric columns. A chunk keeps its dictionary only if its first page comes out
    /// smaller that way, and falls back to PLAIN once the dictionary passes <see cref="DictionaryPageSizeLimit"/>.
    /// </summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>Maximum PLAIN-encoded size of one chunk's dictionary (1 MiB in Arrow C++, parquet-java and arrow-rs).</summary>
    public int DictionaryPageSizeLimit { get; init; } = 1 << 20;

    /// <summary>Also write Statistics in every data page header (Arrow C++ and arrow-rs do by default).</summary>
    public bool PageStatistics { get; init; } = true;

    /// <summary>BYTE_ARRAY/FLBA min/max longer than this many bytes are truncated (is_*_exact = false); arrow-rs also uses 64.</summary>
    public int StatisticsTruncateLength { get; init; } = 64;

    /// <summary>Footer key/value metadata.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Footer created_by; the default matches parquet-java's "app version x.y.z (build h)" pattern.</summary>
    public string CreatedBy { get; init; } = DefaultCreatedBy;

    /// <summary>"FunctionsIngest version x.y.z (build hash|dev)", from this assembly's informational version.</summary>
    public static string DefaultCreatedBy { get; } = BuildCreatedBy();

    private static string BuildCreatedBy()
    {
        var assembly = typeof(ParquetWriterOptions).Assembly;
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = assembly.GetName().Version;
        string semver = version is null ? "0.0.0" : $"{version.Major}.{version.Minor}.{version.Build}";
        string build = "dev";
        if (info is not null)
        {
            int plus = info.IndexOf('+', StringComparison.Ordinal);
            semver = plus >= 0 ? info[..plus] : info;
            if (plus >= 0 && plus + 1 < info.Length)
            {
                string hash = info[(plus + 1)..];
                build = hash.Length > 12 ? hash[..12] : hash;
            }
        }

        return $"FunctionsIngest version {semver} (build {build})";
    }

    internal void Validate()
    {
        if (RowGroupRows < 1) throw new ArgumentOutOfRangeException(nameof(RowGroupRows), RowGroupRows, "RowGroupRows must be at least 1.");
        if (PageSizeBytes < 1) throw new ArgumentOutOfRangeException(nameof(PageSizeBytes), PageSizeBytes, "PageSizeBytes must be at least 1.");
        if (PageRowLimit < 1) throw new ArgumentOutOfRangeException(nameof(PageRowLimit), PageRowLimit, "PageRowLimit must be at least 1.");
        if (StatisticsTruncateLength < 1) throw new ArgumentOutOfRangeException(nameof(StatisticsTruncateLength), StatisticsTruncateLength, "StatisticsTruncateLength must be at least 1.");
        if (ZstdLevel is < -7 or > 22) throw new ArgumentOutOfRangeException(nameof(ZstdLevel), ZstdLevel, "ZstdLevel must be in -7..22.");
        if (RowGroupMaxBytes < 1) throw new ArgumentOutOfRangeException(nameof(RowGroupMaxBytes), RowGroupMaxBytes, "RowGroupMaxBytes must be at least 1.");
        if (string.IsNullOrWhiteSpace(CreatedBy)) throw new ArgumentException("CreatedBy must not be empty.", nameof(CreatedBy));
    }
}
