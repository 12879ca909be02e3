using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// Buffers one column's current page (definition levels + values) and current chunk (finished pages),
/// cuts pages at PageSizeBytes/PageRowLimit and seals chunks exactly every RowGroupRows rows.
/// Subclasses own the values and statistics of one physical type.
/// </summary>
internal abstract class ColumnWriter : IDisposable
{
    private readonly Queue<SealedChunk> _sealed = new();
    private byte[] _levels = new byte[256];
    private SegmentedBuffer _pages = new();
    private long _uncompressed;
    private long _chunkValues;
    private readonly int[] _dataPagesByEncoding = new int[16];

    protected ColumnWriter(ColumnDescriptor column, WriterContext context)
    {
        Column = column;
        Context = context;
    }

    public ColumnDescriptor Column { get; }

    protected WriterContext Context { get; }

    protected ParquetWriterOptions Options => Context.Options;

    /// <summary>Rows (nulls included) in the page being built.</summary>
    protected int PageRows { get; private set; }

    /// <summary>Rows in the chunk being built (pages already cut included).</summary>
    protected long ChunkRows { get; private set; }

    protected long ChunkNullCount { get; private set; }

    /// <summary>Rows received since the last EndBatch.</summary>
    public long BatchRows { get; set; }

    public int SealedCount => _sealed.Count;

    /// <summary>Encoded bytes held for the current chunk (finished pages plus the open page's values).</summary>
    public long BufferedBytes => _pages.Length + EstimatedPageValueBytes + EstimatedDictionaryBytes;

    /// <summary>Bytes of sealed chunks waiting for their row group to be written.</summary>
    public long SealedBytes => _sealed.Sum(c => c.CompressedSize);

    protected abstract long EstimatedPageValueBytes { get; }

    protected virtual long EstimatedDictionaryBytes => 0;

    /// <summary>How many more rows may go into the open page before it is full (at least 1).</summary>
    protected int RowsRoomInPage => Math.Max(1, (int)Math.Min(Options.PageRowLimit - PageRows, Options.RowGroupRows - ChunkRows));

    public SealedChunk DequeueSealed() => _sealed.Dequeue();

    /// <summary>Definition levels for the next <paramref name="count"/> rows of the open page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected Span<byte> LevelsFor(int count)
    {
        int needed = PageRows + count;
        if (needed > _levels.Length) Array.Resize(ref _levels, Math.Max(needed, _levels.Length * 2));
        return _levels.AsSpan(PageRows, count);
    }

    /// <summary>Records that <paramref name="rows"/> rows (with <paramref name="nulls"/> nulls) went into the open page; cuts page/chunk when full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Advance(int rows, int nulls)
    {
        PageRows += rows;
        ChunkRows += rows;
        BatchRows += rows;
        ChunkNullCount += nulls;
        if (PageRows >= Options.PageRowLimit || EstimatedPageValueBytes >= Options.PageSizeBytes) FlushPage();
        if (ChunkRows >= Options.RowGroupRows) Seal();
    }

    /// <summary>Throws when a REQUIRED column receives a null.</summary>
    protected void CheckNullMask(ReadOnlySpan<bool> isNull, int valueCount)
    {
        if (isNull.IsEmpty) return;
        if (isNull.Length != valueCount)
            throw new ArgumentException($"Column '{Column.Name}': isNull has {isNull.Length} entries but values has {valueCount}; they must match (or pass an empty isNull for no nulls).", nameof(isNull));
        if (Column.Required && isNull.Contains(true))
            throw new ArgumentException($"Column '{Column.Name}' is REQUIRED (not nullable) but received a null at index {isNull.IndexOf(true)}.", nameof(isNull));
    }

    protected void ThrowNullInRequired(int index) =>
        throw new ArgumentException($"Column '{Column.Name}' is REQUIRED (not nullable) but received a null at index {index}.");

    /// <summary>Appends the open page's values to <paramref name="body"/> and resets them; returns the value encoding.</summary>
    protected abstract Encoding WritePageValues(ByteBuffer body, int nonNullCount);

    /// <summary>Page statistics of the page just encoded; also folds them into the chunk's and resets the page's.</summary>
    protected abstract EncodedStatistics CompletePageStatistics(long nullCount);

    /// <summary>Chunk statistics; called at seal, after the last page, then the chunk's stats are reset.</summary>
    protected abstract EncodedStatistics TakeChunkStatistics(long nullCount);

    /// <summary>Writes the dictionary page body if this chunk used one; returns the entry count (0 = no dictionary page). Resets the dictionary.</summary>
    protected virtual int TakeDictionary(ByteBuffer body) => 0;

    /// <summary>Cuts the open page into the chunk buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void FlushPage()
    {
        if (PageRows == 0) return;
        var body = Context.PageBody;
        body.Clear();
        int nulls = 0;
        if (!Column.Required)
        {
            var levels = _levels.AsSpan(0, PageRows);
            nulls = PageRows - levels.Count((byte)1);
            int lengthAt = body.Length;
            body.WriteInt32LittleEndian(0);
            RleBitPackedHybrid.Encode<byte>(levels, 1, body);
            body.PatchInt32LittleEndian(lengthAt, body.Length - lengthAt - 4);
        }

        var encoding = WritePageValues(body, PageRows - nulls);
        var statistics = CompletePageStatistics(nulls);
        var (u, _) = PageWriter.WriteDataPage(Context, _pages, body.WrittenSpan, PageRows, encoding, Options.PageStatistics ? statistics : null);
        _uncompressed += u;
        _chunkValues += PageRows;
        _dataPagesByEncoding[(int)encoding]++;
        PageRows = 0;
    }

    /// <summary>Closes the current chunk (if it has rows) and queues it for the row group writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Seal()
    {
        if (ChunkRows == 0) return;
        FlushPage();
        var body = Context.PageBody;
        body.Clear();
        SegmentedBuffer? dictionaryPage = null;
        long uncompressed = _uncompressed;
        int dictionaryCount = TakeDictionary(body);
        if (dictionaryCount > 0)
        {
            dictionaryPage = new SegmentedBuffer();
            var (u, _) = PageWriter.WriteDictionaryPage(Context, dictionaryPage, body.WrittenSpan, dictionaryCount);
            uncompressed += u;
        }

        _sealed.Enqueue(new SealedChunk
        {
            DictionaryPage = dictionaryPage,
            DataPages = _pages,
            NumValues = _chunkValues,
            Rows = ChunkRows,
            UncompressedSize = uncompressed,
            Statistics = TakeChunkStatistics(ChunkNullCount),
            Encodings = ChunkEncodings(dictionaryCount > 0),
            EncodingStats = ChunkEncodingStats(dictionaryCount > 0),
        });
        _pages = new SegmentedBuffer();
        _uncompressed = 0;
        _chunkValues = 0;
        ChunkRows = 0;
        ChunkNullCount = 0;
        Array.Clear(_dataPagesByEncoding);
    }

    private List<Encoding> ChunkEncodings(bool dictionary)
    {
        var list = new List<Encoding>(3);
        if (dictionary || _dataPagesByEncoding[(int)Encoding.Plain] > 0) list.Add(Encoding.Plain);
        // Arrow C++ always lists RLE; it is also the level encoding every data page header declares.
        list.Add(Encoding.Rle);
        if (_dataPagesByEncoding[(int)Encoding.RleDictionary] > 0) list.Add(Encoding.RleDictionary);
        return list;
    }

    private List<(PageType, Encoding, int)> ChunkEncodingStats(bool dictionary)
    {
        var list = new List<(PageType, Encoding, int)>(3);
        if (dictionary) list.Add((PageType.DictionaryPage, Encoding.Plain, 1));
        for (int e = 0; e < _dataPagesByEncoding.Length; e++)
        {
            if (_dataPagesByEncoding[e] > 0) list.Add((PageType.DataPage, (Encoding)e, _dataPagesByEncoding[e]));
        }

        return list;
    }

    public virtual void Dispose()
    {
        _pages.Dispose();
        while (_sealed.Count > 0) _sealed.Dequeue().Dispose();
    }
}
