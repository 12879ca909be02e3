using FunctionsIngest.Data;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.Datasets;

/// <summary>Writes record batches of one table schema to a Parquet stream.</summary>
public sealed class ParquetTableWriter : IDisposable
{
    private readonly ParquetWriter _writer;
    private readonly TableSchema _schema;

    public ParquetTableWriter(Stream output, TableSchema schema, ParquetCompression compression, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _schema = schema;
        var columns = schema.Columns.Select(c => new ParquetColumn(c.Name, ToParquet(c.Type), c.Nullable)).ToArray();
        _writer = new ParquetWriter(output, columns, new ParquetWriterOptions { Compression = compression, Metadata = metadata });
    }

    public long RowCount => _writer.RowCount;

    public long BytesWritten => _writer.BytesWritten;

    public void Write(RecordBatch batch)
    {
        for (var i = 0; i < batch.Columns.Length; i++)
        {
            var column = batch.Columns[i];
            var isNull = column.NullCount == 0 ? ReadOnlySpan<bool>.Empty : column.IsNull.AsSpan(0, column.Count);
            WriteColumn(i, ValuesOf(column), column.Count, isNull);
        }
        _writer.EndBatch();
    }

    internal void Write(BatchCopy batch)
    {
        for (var i = 0; i < batch.ColumnCount; i++)
            WriteColumn(i, batch.Values(i), batch.RowCount, batch.IsNull(i));
        _writer.EndBatch();
    }

    public void Finish() => _writer.Finish();

    public void Dispose() => _writer.Dispose();

    /// <summary>The array behind a vector: string?[], long[], double[], bool[] or int[].</summary>
    internal static Array ValuesOf(ColumnVector column) => column switch
    {
        StringVector strings => strings.Values,
        PrimitiveVector<long> longs => longs.Values,
        PrimitiveVector<double> doubles => doubles.Values,
        PrimitiveVector<bool> booleans => booleans.Values,
        PrimitiveVector<int> ints => ints.Values,
        _ => throw new InvalidOperationException($"Unsupported vector type {column.GetType().Name}."),
    };

    private void WriteColumn(int i, Array values, int count, ReadOnlySpan<bool> isNull)
    {
        switch (values)
        {
            case string?[] strings:
                _writer.WriteString(i, strings.AsSpan(0, count));
                break;
            case long[] longs:
                _writer.WriteInt64(i, longs.AsSpan(0, count), isNull);
                break;
            case double[] doubles:
                _writer.WriteDouble(i, doubles.AsSpan(0, count), isNull);
                break;
            case bool[] booleans:
                _writer.WriteBoolean(i, booleans.AsSpan(0, count), isNull);
                break;
            case int[] ints:
                _writer.WriteInt32(i, ints.AsSpan(0, count), isNull);
                break;
            default:
                throw new InvalidOperationException($"Column '{_schema[i].Name}' has an unsupported vector type {values.GetType().Name}.");
        }
    }

    public static ParquetColumnType ToParquet(ColumnType type) => type switch
    {
        ColumnType.String => ParquetColumnType.String,
        ColumnType.Int64 => ParquetColumnType.Int64,
        ColumnType.Double => ParquetColumnType.Double,
        ColumnType.Boolean => ParquetColumnType.Boolean,
        ColumnType.Date => ParquetColumnType.Date,
        ColumnType.Timestamp => ParquetColumnType.TimestampMicros,
        ColumnType.Time => ParquetColumnType.TimeMicros,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
