namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>Zip-bomb and size limits, taken from Apache POI's ZipSecureFile defaults.</summary>
internal sealed record PackageLimits
{
    public static readonly PackageLimits Default = new();

    /// <summary>Smallest allowed compressed/uncompressed ratio, checked continuously while inflating.</summary>
    public double MinInflateRatio { get; init; } = 0.01;

    /// <summary>The ratio check starts only once an entry has inflated this many bytes.</summary>
    public long GraceEntrySize { get; init; } = 100 * 1024;

    public long MaxEntrySize { get; init; } = 0xFFFFFFFFL;

    public int MaxFileCount { get; init; } = 1000;

    /// <summary>Longest single text value (POI's MAX_TEXT_SIZE); Excel itself stops at 32,767.</summary>
    public int MaxTextLength { get; init; } = 10_000_000;
}
