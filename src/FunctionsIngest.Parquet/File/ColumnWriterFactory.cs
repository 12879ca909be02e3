using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Schema;

namespace FunctionsIngest.Parquet.File;

/// <summary>Picks the column writer for a descriptor's physical type.</summary>
internal static class ColumnWriterFactory
{
    public static ColumnWriter Create(ColumnDescriptor column, WriterContext context) => column.Physical switch
    {
        PhysicalType.Boolean => new BooleanColumnWriter(column, context),
        PhysicalType.Int32 => new Int32ColumnWriter(column, context),
        PhysicalType.Int64 => new Int64ColumnWriter(column, context),
        PhysicalType.Float => new FloatColumnWriter(column, context),
        PhysicalType.Double => new DoubleColumnWriter(column, context),
        PhysicalType.ByteArray => new ByteArrayColumnWriter(column, context),
        PhysicalType.FixedLenByteArray => new FixedLenByteArrayColumnWriter(column, context),
        _ => throw new ArgumentException($"Column '{column.Name}': physical type {column.Physical} is not supported."),
    };

    public static string MethodFor(ParquetColumnType type) => type switch
    {
        ParquetColumnType.Boolean => "WriteBoolean",
        ParquetColumnType.Int32 or ParquetColumnType.Int8 or ParquetColumnType.Int16 or ParquetColumnType.UInt8 or ParquetColumnType.UInt16 => "WriteInt32",
        ParquetColumnType.Date => "WriteInt32 (days since 1970-01-01) or WriteDate",
        ParquetColumnType.TimeMillis or ParquetColumnType.TimeMillisUtc => "WriteInt32 (milliseconds since midnight) or WriteTime",
        ParquetColumnType.UInt32 => "WriteUInt32 (or WriteInt32 with non-negative values)",
        ParquetColumnType.Int64 => "WriteInt64",
        ParquetColumnType.UInt64 => "WriteUInt64 (or WriteInt64 with non-negative values)",
        ParquetColumnType.TimestampMicros or ParquetColumnType.TimestampMicrosUtc or ParquetColumnType.TimestampMillis or ParquetColumnType.TimestampMillisUtc => "WriteInt64 (since the Unix epoch) or WriteTimestamp",
        ParquetColumnType.TimeMicros or ParquetColumnType.TimeMicrosUtc => "WriteInt64 (microseconds since midnight) or WriteTime",
        ParquetColumnType.Float => "WriteFloat",
        ParquetColumnType.Double => "WriteDouble",
        ParquetColumnType.String or ParquetColumnType.Json => "WriteString",
        ParquetColumnType.Binary => "WriteBinary",
        ParquetColumnType.Decimal => "WriteDecimal (or WriteInt32/WriteInt64 with unscaled values when precision <= 18)",
        ParquetColumnType.Uuid => "WriteUuid",
        _ => "the method matching the column type",
    };
}
