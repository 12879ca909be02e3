using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.File;

/// <summary>Row groups cut exactly at RowGroupRows, pages at PageRowLimit/PageSizeBytes, chunk byte ranges exact.</summary>
public class RowGroupAndPageTests
{
    private static long[] RowGroupRows(OracleResult r) =>
        r.Footer.GetProperty("row_groups").EnumerateArray().Select(g => long.Parse(g.GetProperty("num_rows").ToString(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Row_groups_are_cut_exactly_even_when_a_batch_crosses_the_boundary()
    {
        var table = new SampleTable(3_500, nullable: true, seed: 3);
        string path = TestFile.Write("rowgroups", table.Columns, new ParquetWriterOptions { RowGroupRows = 1_000 }, w => table.WriteAll(w, 700));
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows(), metadata: true);
        Assert.Equal([1_000L, 1_000, 1_000, 500], RowGroupRows(result));
        Assert.Equal(4 * table.Columns.Length, result.ChunkMetadata.Count);
    }

    [Fact]
    public void One_batch_larger_than_several_row_groups_is_split()
    {
        var table = new SampleTable(2_500, nullable: false, seed: 4);
        string path = TestFile.Write("bigbatch", table.Columns, new ParquetWriterOptions { RowGroupRows = 1_000 }, w => table.WriteAll(w, 2_500));
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows(), metadata: true);
        Assert.Equal([1_000L, 1_000, 500], RowGroupRows(result));
    }

    [Fact]
    public void Byte_budget_cuts_row_groups_at_batch_boundaries()
    {
        var table = new SampleTable(4_000, nullable: true, seed: 5);
        string path = TestFile.Write("budget", table.Columns, new ParquetWriterOptions { RowGroupMaxBytes = 20_000, Compression = ParquetCompression.None }, w => table.WriteAll(w, 500));
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows(), metadata: true);
        var groups = RowGroupRows(result);
        Assert.True(groups.Length > 1, $"expected several row groups, got {groups.Length}");
        Assert.All(groups, g => Assert.Equal(0, g % 500));
        Assert.Equal(4_000, groups.Sum());
    }

    [Fact]
    public void Pages_follow_page_row_limit_and_page_size()
    {
        const int n = 50_000;
        var ints = Enumerable.Range(0, n).ToArray();
        var strings = Enumerable.Range(0, n).Select(i => $"value-{i:D8}-{new string('x', i % 50)}").ToArray();
        string path = TestFile.Write("pages", [new("i", ParquetColumnType.Int32, false), new("s", ParquetColumnType.String, false)],
            new ParquetWriterOptions { PageSizeBytes = 100_000, UseDictionary = false }, w =>
            {
                w.WriteInt32(0, ints, default);
                w.WriteString(1, strings);
                w.EndBatch();
            });
        ParquetOracle.AssertAllReadersSee(path, ["i", "s"], ints.Zip(strings, (i, s) => new object?[] { i, s }));
        var pages = PageWalker.Walk(path).Single();
        // ints: 20,000-row pages (PageRowLimit) since 20,000 x 4 B < 100 kB.
        Assert.Equal([20_000, 20_000, 10_000], pages[0].Select(p => p.NumValues));
        // strings (~42 B each): cut by PageSizeBytes; every page body is close to 100 kB.
        Assert.True(pages[1].Count >= 20, $"{pages[1].Count} string pages");
        Assert.All(pages[1].SkipLast(1), p => Assert.InRange(p.UncompressedSize, 100_000, 100_100));
        Assert.Equal(n, pages[1].Sum(p => p.NumValues));
    }

    [Fact]
    public void Unfinished_writer_writes_no_footer()
    {
        using var stream = new MemoryStream();
        using (var w = new ParquetWriter(stream, [new("i", ParquetColumnType.Int32)], new ParquetWriterOptions { RowGroupRows = 2 }))
        {
            w.WriteInt32(0, [1, 2, 3], default);
            w.EndBatch();
        }

        var bytes = stream.ToArray();
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.NotEqual("PAR1"u8.ToArray(), bytes[^4..]);
    }

    [Fact]
    public void Non_seekable_output_works_and_is_left_open()
    {
        var sink = new ForwardOnlyStream();
        using (var w = new ParquetWriter(sink, [new("s", ParquetColumnType.String)], new ParquetWriterOptions { RowGroupRows = 3 }))
        {
            w.WriteString(0, ["a", null, "c", "d"]);
            w.EndBatch();
            Assert.Equal(4, w.RowCount);
            w.Finish();
        }

        Assert.False(sink.Closed);
        string path = TestFile.NewPath("forward-only");
        System.IO.File.WriteAllBytes(path, sink.Data.ToArray());
        ParquetOracle.AssertAllReadersSee(path, ["s"], [["a"], [null], ["c"], ["d"]]);
    }

    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Data { get; } = new();
        public bool Closed { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Data.Write(buffer, offset, count);
        protected override void Dispose(bool disposing)
        {
            Closed = true;
            base.Dispose(disposing);
        }
    }
}
