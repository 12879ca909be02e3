namespace FunctionsIngest.Parquet.File;

/// <summary>Writes one row group's sealed chunks back to back in schema order and returns their offsets for the footer.</summary>
internal static class RowGroupWriter
{
    public static RowGroupInfo Write(CountingOutput output, IReadOnlyList<SealedChunk> chunks)
    {
        var written = new WrittenChunk[chunks.Count];
        long rows = chunks.Count == 0 ? 0 : chunks[0].Rows;
        for (int c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            if (chunk.Rows != rows) throw new InvalidOperationException($"Internal error: column {c} chunk has {chunk.Rows} rows, expected {rows}.");
            long? dictionaryOffset = null;
            long compressed = chunk.CompressedSize;
            if (chunk.DictionaryPage is { } dictionary)
            {
                dictionaryOffset = output.Position;
                output.Write(dictionary);
            }

            long dataOffset = output.Position;
            output.Write(chunk.DataPages);
            written[c] = new WrittenChunk(chunk, dataOffset, dictionaryOffset, compressed);
            chunk.Dispose();
        }

        return new RowGroupInfo(written, rows);
    }
}

/// <summary>What the footer needs about one written row group.</summary>
internal sealed record RowGroupInfo(IReadOnlyList<WrittenChunk> Columns, long Rows)
{
    public long TotalUncompressed => Columns.Sum(c => c.Chunk.UncompressedSize);

    public long TotalCompressed => Columns.Sum(c => c.CompressedSize);

    public long FileOffset => Columns.Count == 0 ? 0 : Columns[0].DictionaryPageOffset ?? Columns[0].DataPageOffset;
}
