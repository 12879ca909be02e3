using FunctionsIngest.Parquet.Format;

namespace FunctionsIngest.Parquet.Schema;

/// <summary>Resolved physical layout and annotations of one leaf column (what goes into its SchemaElement).</summary>
internal sealed record ColumnDescriptor
{
    public required string Name { get; init; }
    public required ParquetColumnType Type { get; init; }
    public required PhysicalType Physical { get; init; }
    public required bool Required { get; init; }
    public int TypeLength { get; init; }
    public ConvertedType? Converted { get; init; }
    public LogicalKind Logical { get; init; }
    public TimeUnit Unit { get; init; }
    public bool IsAdjustedToUtc { get; init; }
    public int BitWidth { get; init; }
    public bool IsSigned { get; init; } = true;
    public int Scale { get; init; }
    public int Precision { get; init; }

    /// <summary>Comparison order for min/max under TYPE_ORDER.</summary>
    public SortOrder SortOrder => Physical switch
    {
        PhysicalType.ByteArray => Logical == LogicalKind.Decimal ? SortOrder.Signed : SortOrder.Unsigned,
        PhysicalType.FixedLenByteArray => Logical == LogicalKind.Decimal ? SortOrder.Signed : SortOrder.Unsigned,
        _ => Logical == LogicalKind.Integer && !IsSigned ? SortOrder.Unsigned : SortOrder.Signed,
    };

    /// <summary>Max definition level: 1 for a top-level OPTIONAL leaf, 0 for REQUIRED.</summary>
    public int MaxDefinitionLevel => Required ? 0 : 1;

    private static ColumnDescriptor Integer(ColumnDescriptor d, int bitWidth, bool signed, ConvertedType converted) =>
        d with { Physical = PhysicalType.Int32, Logical = LogicalKind.Integer, BitWidth = bitWidth, IsSigned = signed, Converted = converted };

    /// <summary>Inclusive value range accepted for INT32/INT64 input (narrow ints, unsigned via signed methods, unscaled decimals).</summary>
    public (long Min, long Max)? InputRange => Logical switch
    {
        LogicalKind.Integer when BitWidth < 32 => IsSigned ? (-(1L << (BitWidth - 1)), (1L << (BitWidth - 1)) - 1) : (0, (1L << BitWidth) - 1),
        LogicalKind.Integer when !IsSigned => (0, long.MaxValue),
        LogicalKind.Decimal when Precision <= 18 => (-DecimalLayout.MaxUnscaled(Precision), DecimalLayout.MaxUnscaled(Precision)),
        _ => null,
    };

    public static ColumnDescriptor From(ParquetColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrEmpty(column.Name)) throw new ArgumentException("A Parquet column needs a non-empty name.", nameof(column));
        if (column.Type != ParquetColumnType.Decimal && (column.Precision != 0 || column.Scale != 0))
            throw new ArgumentException($"Column '{column.Name}': Precision/Scale apply only to Decimal columns.", nameof(column));
        var d = new ColumnDescriptor { Name = column.Name, Type = column.Type, Physical = PhysicalType.Int32, Required = !column.Nullable };
        return column.Type switch
        {
            ParquetColumnType.Boolean => d with { Physical = PhysicalType.Boolean },
            ParquetColumnType.Int32 => d with { Physical = PhysicalType.Int32 },
            ParquetColumnType.Int64 => d with { Physical = PhysicalType.Int64 },
            ParquetColumnType.Float => d with { Physical = PhysicalType.Float },
            ParquetColumnType.Double => d with { Physical = PhysicalType.Double },
            ParquetColumnType.String => d with { Physical = PhysicalType.ByteArray, Logical = LogicalKind.String, Converted = ConvertedType.Utf8 },
            ParquetColumnType.Binary => d with { Physical = PhysicalType.ByteArray },
            ParquetColumnType.Date => d with { Physical = PhysicalType.Int32, Logical = LogicalKind.Date, Converted = ConvertedType.Date },
            // Local timestamps keep the converted type: the spec says writers must set it (Arrow C++ omits it);
            // DuckDB writes it too, and all three oracles give the LogicalType precedence.
            ParquetColumnType.TimestampMicros => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Timestamp, Unit = TimeUnit.Micros, Converted = ConvertedType.TimestampMicros },
            ParquetColumnType.TimestampMicrosUtc => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Timestamp, Unit = TimeUnit.Micros, IsAdjustedToUtc = true, Converted = ConvertedType.TimestampMicros },
            ParquetColumnType.TimeMicros => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Time, Unit = TimeUnit.Micros, Converted = ConvertedType.TimeMicros },
            ParquetColumnType.Int8 => Integer(d, 8, true, ConvertedType.Int8),
            ParquetColumnType.Int16 => Integer(d, 16, true, ConvertedType.Int16),
            ParquetColumnType.UInt8 => Integer(d, 8, false, ConvertedType.Uint8),
            ParquetColumnType.UInt16 => Integer(d, 16, false, ConvertedType.Uint16),
            ParquetColumnType.UInt32 => Integer(d, 32, false, ConvertedType.Uint32),
            ParquetColumnType.UInt64 => Integer(d, 64, false, ConvertedType.Uint64) with { Physical = PhysicalType.Int64 },
            ParquetColumnType.Json => d with { Physical = PhysicalType.ByteArray, Logical = LogicalKind.Json, Converted = ConvertedType.Json },
            ParquetColumnType.Decimal => DecimalLayout.Describe(d, column.Precision, column.Scale),
            ParquetColumnType.Uuid => d with { Physical = PhysicalType.FixedLenByteArray, TypeLength = 16, Logical = LogicalKind.Uuid },
            ParquetColumnType.TimestampMillis => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Timestamp, Unit = TimeUnit.Millis, Converted = ConvertedType.TimestampMillis },
            ParquetColumnType.TimestampMillisUtc => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Timestamp, Unit = TimeUnit.Millis, IsAdjustedToUtc = true, Converted = ConvertedType.TimestampMillis },
            ParquetColumnType.TimeMillis => d with { Physical = PhysicalType.Int32, Logical = LogicalKind.Time, Unit = TimeUnit.Millis, Converted = ConvertedType.TimeMillis },
            // arrow-rs maps TIME(unit) to TIME_MILLIS/TIME_MICROS whatever isAdjustedToUTC says, so both variants carry it.
            ParquetColumnType.TimeMillisUtc => d with { Physical = PhysicalType.Int32, Logical = LogicalKind.Time, Unit = TimeUnit.Millis, IsAdjustedToUtc = true, Converted = ConvertedType.TimeMillis },
            ParquetColumnType.TimeMicrosUtc => d with { Physical = PhysicalType.Int64, Logical = LogicalKind.Time, Unit = TimeUnit.Micros, IsAdjustedToUtc = true, Converted = ConvertedType.TimeMicros },
            _ => throw new ArgumentException($"Column '{column.Name}': unsupported column type {column.Type}.", nameof(column)),
        };
    }
}
