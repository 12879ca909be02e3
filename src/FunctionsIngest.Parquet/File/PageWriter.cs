using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>Compresses a page body and appends PageHeader + body to a chunk buffer (v1 data pages, dictionary pages).</summary>
internal static class PageWriter
{
    /// <summary>Returns (uncompressed, compressed) sizes, page header included, as ColumnMetaData counts them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (long Uncompressed, long Compressed) WriteDataPage(
        WriterContext ctx, SegmentedBuffer destination, ReadOnlySpan<byte> body, int numValues, Encoding encoding, EncodedStatistics? statistics)
    {
        var compressed = Compress(ctx, body);
        var w = ctx.HeaderWriter;
        ctx.Header.Clear();
        w.BeginStruct();
        w.I32Field(1, (int)PageType.DataPage);
        w.I32Field(2, body.Length);
        w.I32Field(3, compressed.Length);
        w.BeginStructField(5);
        w.I32Field(1, numValues);
        w.I32Field(2, (int)encoding);
        w.I32Field(3, (int)Encoding.Rle);
        w.I32Field(4, (int)Encoding.Rle);
        statistics?.Write(w, 5);
        w.EndStruct();
        w.EndStruct();
        return Append(ctx, destination, body.Length, compressed);
    }

    public static (long Uncompressed, long Compressed) WriteDictionaryPage(
        WriterContext ctx, SegmentedBuffer destination, ReadOnlySpan<byte> body, int numValues)
    {
        var compressed = Compress(ctx, body);
        var w = ctx.HeaderWriter;
        ctx.Header.Clear();
        w.BeginStruct();
        w.I32Field(1, (int)PageType.DictionaryPage);
        w.I32Field(2, body.Length);
        w.I32Field(3, compressed.Length);
        w.BeginStructField(7);
        w.I32Field(1, numValues);
        w.I32Field(2, (int)Encoding.Plain);
        w.EndStruct();
        w.EndStruct();
        return Append(ctx, destination, body.Length, compressed);
    }

    private static ReadOnlySpan<byte> Compress(WriterContext ctx, ReadOnlySpan<byte> body)
    {
        if (ctx.Compressor is Compression.UncompressedCompressor) return body;
        ctx.Compressed.Clear();
        ctx.Compressor.Compress(body, ctx.Compressed);
        return ctx.Compressed.WrittenSpan;
    }

    private static (long, long) Append(WriterContext ctx, SegmentedBuffer destination, int uncompressedBody, ReadOnlySpan<byte> compressed)
    {
        destination.Write(ctx.Header.WrittenSpan);
        destination.Write(compressed);
        long header = ctx.Header.Length;
        return (header + uncompressedBody, header + compressed.Length);
    }
}
