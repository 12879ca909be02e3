using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.Tests.Datasets;

/// <summary>
/// TableCopier encodes on a second thread while the reader refills its (reused) batch: the file must be the one
/// an inline copy writes, and a failure on either side must surface without a hang.
/// </summary>
public class PipelinedCopyTests
{
    private static readonly TableSchema Table = new(
    [
        new ColumnSchema("id", ColumnType.Int64, Nullable: false),
        new ColumnSchema("name", ColumnType.String, Nullable: true),
        new ColumnSchema("score", ColumnType.Double, Nullable: true),
    ]);

    [Fact]
    public void Pipelined_copy_writes_the_bytes_an_inline_copy_writes()
    {
        using var piped = new MemoryStream();
        var result = TableCopier.CopyToStream(new ReusingReader(batches: 40), piped, ParquetCompression.Snappy);

        using var inline = new MemoryStream();
        using (var writer = new ParquetTableWriter(inline, Table, ParquetCompression.Snappy))
        {
            var reader = new ReusingReader(batches: 40);
            while (reader.ReadNextBatch() is { } batch)
                writer.Write(batch);
            writer.Finish();
        }

        Assert.Equal(new ReusingReader(40).TotalRows, result.RowsWritten);
        Assert.Equal(inline.ToArray(), piped.ToArray());
    }

    [Fact]
    public void A_reader_failure_is_reported_as_itself()
    {
        var reader = new ReusingReader(batches: 40, failAt: 7);
        var ex = Assert.Throws<IngestException>(() => TableCopier.CopyToStream(reader, new MemoryStream(), ParquetCompression.Snappy));
        Assert.Contains("batch 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_writer_failure_stops_the_reader_and_is_reported()
    {
        var reader = new ReusingReader(batches: 400, nullIdAt: 3);
        var ex = Assert.Throws<ArgumentException>(() => TableCopier.CopyToStream(reader, new MemoryStream(), ParquetCompression.None));
        Assert.Contains("'id' is REQUIRED", ex.Message, StringComparison.Ordinal);
        Assert.True(reader.BatchesRead < 400, $"the reader went on to batch {reader.BatchesRead}");
    }

    [Fact]
    public void Cancellation_stops_the_copy()
    {
        using var cts = new CancellationTokenSource();
        var reader = new ReusingReader(batches: 400, onBatch: n => { if (n == 5) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => TableCopier.CopyToStream(reader, new MemoryStream(), ParquetCompression.Snappy, ct: cts.Token));
        Assert.True(reader.BatchesRead < 400);
    }

    /// <summary>Like the real readers: one batch object refilled on every call, batch sizes varying.</summary>
    private sealed class ReusingReader(int batches, int failAt = -1, int nullIdAt = -1, Action<int>? onBatch = null) : ITableReader
    {
        private readonly RecordBatch _batch = new(Table, 1000);
        private long _next;

        public int BatchesRead { get; private set; }

        public long TotalRows => Enumerable.Range(0, batches).Sum(RowsIn);

        public TableSchema Schema => Table;

        public long RowsRead { get; private set; }

        public IReadOnlyList<SourceWarning> Warnings => [];

        private static int RowsIn(int batch) => batch % 3 == 2 ? 1 + batch * 7 % 997 : 1000;

        public RecordBatch? ReadNextBatch()
        {
            if (BatchesRead == batches)
                return null;
            if (BatchesRead == failAt)
                throw new IngestException($"bad cell in batch {failAt}");
            onBatch?.Invoke(BatchesRead);
            _batch.Clear();
            var ids = (PrimitiveVector<long>)_batch.Columns[0];
            var names = (StringVector)_batch.Columns[1];
            var scores = (PrimitiveVector<double>)_batch.Columns[2];
            for (int i = RowsIn(BatchesRead); i > 0; i--, _next++)
            {
                if (BatchesRead == nullIdAt) ids.AppendNull(); else ids.Append(_next);
                if (_next % 5 == 0) names.AppendNull(); else names.Append($"name {_next % 1234}");
                if (_next % 7 == 0) scores.AppendNull(); else scores.Append(_next * 0.25);
            }
            BatchesRead++;
            RowsRead += _batch.RowCount;
            return _batch;
        }

        public void Dispose()
        {
        }
    }
}
