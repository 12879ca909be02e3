using System.IO.Compression;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Compression;

/// <summary>
/// GZIP: one RFC 1952 member. .NET's GZipStream writes FLG=0 and a fixed 10-byte header, which DuckDB
/// requires (miniz_wrapper.hpp skips exactly 10 bytes); ZLibStream/DeflateStream would be wrong.
/// </summary>
internal sealed class GzipCompressor : PageCompressor
{
    public override CompressionCodec Codec => CompressionCodec.Gzip;

    // An empty member: 10-byte header (FLG=0, OS=255), an empty final fixed-Huffman block, CRC32=0, ISIZE=0.
    private static readonly byte[] EmptyMember = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    public override void Compress(ReadOnlySpan<byte> source, ByteBuffer output)
    {
        // GZipStream emits nothing at all when given no bytes.
        if (source.IsEmpty)
        {
            output.Write(EmptyMember);
            return;
        }

        using var sink = new ByteBufferStream(output);
        using (var gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(source);
        }
    }
}
