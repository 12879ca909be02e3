using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Compression;

/// <summary>Compresses one page body (or a v1 page's whole body) with no extra framing.</summary>
internal abstract class PageCompressor
{
    public abstract CompressionCodec Codec { get; }

    /// <summary>Appends the compressed form of <paramref name="source"/> to <paramref name="output"/>.</summary>
    public abstract void Compress(ReadOnlySpan<byte> source, ByteBuffer output);

    public static PageCompressor Create(ParquetCompression compression, int zstdLevel = 3) => compression switch
    {
        ParquetCompression.Zstd => new ZstdCompressor(zstdLevel),
        ParquetCompression.None => new UncompressedCompressor(),
        ParquetCompression.Snappy => new SnappyCompressor(),
        ParquetCompression.Gzip => new GzipCompressor(),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown Parquet compression."),
    };
}

/// <summary>UNCOMPRESSED: the body as is (compressed_page_size must equal uncompressed_page_size).</summary>
internal sealed class UncompressedCompressor : PageCompressor
{
    public override CompressionCodec Codec => CompressionCodec.Uncompressed;

    public override void Compress(ReadOnlySpan<byte> source, ByteBuffer output) => output.Write(source);
}
