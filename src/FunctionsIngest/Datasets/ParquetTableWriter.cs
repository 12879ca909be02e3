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
        _writer = new ParquetWriter(output, columns, new ParquetWriterOptions
        {
            Compression = compression,
            Metadata = metadata,
            RowGroupMaxBytes = RowGroupBudget,
        });
    }

    /// <summary>
    /// Encoded bytes a row group may buffer before it is written: keeps a copy's memory flat in the number of rows
    /// (16 MiB holds ~120,000 to ~450,000 rows of a typical 10-column sheet, DuckDB's default being 122,880 rows).
    /// </summary>
    public const long RowGroupBudget = 16L << 20;

    public long RowCount => _writer.RowCount;

    public long BytesWritten => _writer.BytesWritten;

    public void Write(RecordBatch batch)
    {
        for (var i = 0; i < batch.Columns.Length; i++)
        {
            var column = batch.Columns[i];
            var isNull = column.NullCount == 0 ? ReadOnlySpan<bool>.Empty : column.IsNull.AsSpan(0, column.Count);
            switch (column)
            {
                case StringVector strings:
                    _writer.WriteString(i, strings.Span);
                    break;
                case PrimitiveVector<long> longs:
                    _writer.WriteInt64(i, longs.Span, isNull);
                    break;
                case PrimitiveVector<double> doubles:
                    _writer.WriteDouble(i, doubles.Span, isNull);
                    break;
                case PrimitiveVector<bool> booleans:
                    _writer.WriteBoolean(i, booleans.Span, isNull);
                    break;
                case PrimitiveVector<int> ints:
                    _writer.WriteInt32(i, ints.Span, isNull);
                    break;
                default:
                    throw new InvalidOperationException($"Column '{_schema[i].Name}' has an unsupported vector type {column.GetType().Name}.");
            }
        }
        _writer.EndBatch();
    }

    public void Finish() => _writer.Finish();

    public void Dispose() => _writer.Dispose();

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
