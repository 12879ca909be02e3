using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>A finished column chunk held in memory: its pages (dictionary first) plus what ColumnMetaData needs.</summary>
internal sealed class SealedChunk : IDisposable
{
    public required SegmentedBuffer? DictionaryPage { get; init; }
    public required SegmentedBuffer DataPages { get; init; }
    public required long NumValues { get; init; }
    public required long Rows { get; init; }
    public required long UncompressedSize { get; init; }
    public required EncodedStatistics Statistics { get; init; }
    public required IReadOnlyList<Encoding> Encodings { get; init; }
    public required IReadOnlyList<(PageType Type, Encoding Encoding, int Count)> EncodingStats { get; init; }

    public long CompressedSize => (DictionaryPage?.Length ?? 0) + DataPages.Length;

    public void Dispose()
    {
        DictionaryPage?.Dispose();
        DataPages.Dispose();
    }
}

/// <summary>A chunk after it was written out: its offsets in the file plus its metadata.</summary>
internal sealed record WrittenChunk(SealedChunk Chunk, long DataPageOffset, long? DictionaryPageOffset, long CompressedSize);
