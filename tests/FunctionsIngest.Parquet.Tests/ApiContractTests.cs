namespace FunctionsIngest.Parquet.Tests;

/// <summary>Misuse is rejected with messages that name the column.</summary>
public class ApiContractTests
{
    private static ParquetWriter NewWriter(Stream s) => new(s, [new("amount", ParquetColumnType.Double), new("name", ParquetColumnType.String, Nullable: false), new("day", ParquetColumnType.Date)]);

    [Fact]
    public void Wrong_method_for_the_column_type_names_the_column()
    {
        using var w = NewWriter(new MemoryStream());
        var ex = Assert.Throws<ArgumentException>(() => w.WriteInt32(0, [1], default));
        Assert.Contains("'amount'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WriteDouble", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => w.WriteBinary(1, [[1]]));
        Assert.Throws<ArgumentException>(() => w.WriteInt64(2, [1], default));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteDouble(3, [1], default));
    }

    [Fact]
    public void Null_into_required_column_names_the_column()
    {
        using var w = NewWriter(new MemoryStream());
        var ex = Assert.Throws<ArgumentException>(() => w.WriteString(1, ["a", null]));
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_mask_length_must_match()
    {
        using var w = NewWriter(new MemoryStream());
        var ex = Assert.Throws<ArgumentException>(() => w.WriteDouble(0, [1, 2], [false]));
        Assert.Contains("'amount'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_batch_names_the_column_and_faults_the_writer()
    {
        using var w = NewWriter(new MemoryStream());
        w.WriteDouble(0, [1, 2], default);
        w.WriteString(1, ["a", "b"]);
        w.WriteInt32(2, [1], default);
        var ex = Assert.Throws<InvalidOperationException>(w.EndBatch);
        Assert.Contains("'day'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(w.Finish);
    }

    [Fact]
    public void Row_count_counts_ended_batches_and_finish_ends_a_pending_one()
    {
        var stream = new MemoryStream();
        using var w = NewWriter(stream);
        w.WriteDouble(0, [1, 2], default);
        w.WriteString(1, ["a", "b"]);
        w.WriteInt32(2, [1, 2], [false, true]);
        Assert.Equal(0, w.RowCount);
        w.EndBatch();
        Assert.Equal(2, w.RowCount);
        w.WriteDouble(0, [3], default);
        w.WriteString(1, ["c"]);
        w.WriteInt32(2, [3], default);
        w.Finish();
        Assert.Equal(3, w.RowCount);
        Assert.True(stream.CanWrite, "Finish must not close the stream");
        Assert.Throws<InvalidOperationException>(() => w.WriteDouble(0, [1], default));
    }

    [Fact]
    public void Constructor_rejects_bad_schemas()
    {
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), []));
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), [new("a", ParquetColumnType.Int32), new("a", ParquetColumnType.Int64)]));
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), [new("", ParquetColumnType.Int32)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetWriter(new MemoryStream(), [new("a", ParquetColumnType.Int32)], new ParquetWriterOptions { RowGroupRows = 0 }));
    }
}
