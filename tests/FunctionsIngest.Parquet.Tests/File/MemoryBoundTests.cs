using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.File;

/// <summary>What the writer buffers is bounded by one row group, however many rows go through it.</summary>
public class MemoryBoundTests
{
    [Fact]
    public void Buffered_bytes_stay_bounded_by_the_row_group()
    {
        const int batch = 10_000, batches = 150;
        var ids = new long[batch];
        var names = new string?[batch];
        var nulls = new bool[batch];
        long maxBuffered = 0;
        var output = new CountingStream();
        using (var w = new ParquetWriter(output, [new("id", ParquetColumnType.Int64), new("name", ParquetColumnType.String)], new ParquetWriterOptions { RowGroupRows = 100_000 }))
        {
            for (int b = 0; b < batches; b++)
            {
                for (int i = 0; i < batch; i++)
                {
                    long row = ((long)b * batch) + i;
                    ids[i] = row * 2_654_435_761 % 1_000_000_007;
                    names[i] = row % 17 == 0 ? null : $"name-{row}";
                    nulls[i] = row % 13 == 0;
                }

                w.WriteInt64(0, ids, nulls);
                w.WriteString(1, names);
                w.EndBatch();
                maxBuffered = Math.Max(maxBuffered, w.BufferedBytes);
            }

            Assert.Equal(15, w.RowGroupsWritten);
            w.Finish();
        }

        // One 100,000-row group of these two columns is ~1 MB encoded; 15 row groups (~15 MB) went through.
        Assert.InRange(maxBuffered, 1, 3_000_000);
        Assert.True(output.Length > 5 * maxBuffered, $"output {output.Length} bytes vs {maxBuffered} buffered at most");
    }

    [Fact]
    public void Big_batches_are_split_into_row_groups_that_read_back()
    {
        var values = Enumerable.Range(0, 250_000).Select(i => (long)i * 3).ToArray();
        string path = TestFile.Write("bigbatch-rg", [new("v", ParquetColumnType.Int64, false)], new ParquetWriterOptions { RowGroupRows = 60_000 }, w =>
        {
            w.WriteInt64(0, values, default);
            w.EndBatch();
        });
        var result = ParquetOracle.ReadAll(path, metadata: true);
        Assert.Equal([60_000L, 60_000, 60_000, 60_000, 10_000], result.Footer.GetProperty("row_groups").EnumerateArray().Select(g => long.Parse(g.GetProperty("num_rows").ToString(), System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var reader in result.Readers)
        {
            Assert.Null(reader.Error);
            Assert.Equal(values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), reader.Rows.Select(r => r[0].ValueKind == System.Text.Json.JsonValueKind.String ? r[0].GetString() : r[0].GetRawText()));
        }
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
