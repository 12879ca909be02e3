using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>INT32 columns (Int32, Date, narrow/unsigned ints, TIME MILLIS, small decimals).</summary>
internal sealed class Int32ColumnWriter : FixedWidthColumnWriter<int, int>
{
    private readonly PageAndChunkStatistics<IntegerStatistics<int>> _stats;
    private readonly (long Min, long Max)? _range;

    public Int32ColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
        bool unsigned = column.SortOrder == SortOrder.Unsigned;
        _stats = new(new(unsigned), new(unsigned));
        _range = column.InputRange;
    }

    /// <summary>Set while writing reinterpreted uint values (WriteUInt32), which skip the non-negative check.</summary>
    public bool SkipRangeCheck { get; set; }

    protected override void Validate(ReadOnlySpan<int> values, ReadOnlySpan<bool> isNull)
    {
        if (_range is not { } range || SkipRangeCheck) return;
        for (int i = 0; i < values.Length; i++)
        {
            if ((values[i] < range.Min || values[i] > range.Max) && (isNull.IsEmpty || !isNull[i]))
                throw RangeError(i, values[i], range);
        }
    }

    private ArgumentException RangeError(int index, long value, (long Min, long Max) range) =>
        new($"Column '{Column.Name}' ({Column.Type}{(Column.Logical == LogicalKind.Decimal ? $"({Column.Precision},{Column.Scale}) unscaled" : "")}): value {value} at index {index} is outside {range.Min}..{range.Max}.");

    protected override void UpdatePageStatistics(ReadOnlySpan<int> values) => _stats.Page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);
}

/// <summary>INT64 columns (Int64, timestamps, TIME MICROS, UInt64, decimals up to 18 digits).</summary>
internal sealed class Int64ColumnWriter : FixedWidthColumnWriter<long, long>
{
    private readonly PageAndChunkStatistics<IntegerStatistics<long>> _stats;
    private readonly (long Min, long Max)? _range;

    public Int64ColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
        bool unsigned = column.SortOrder == SortOrder.Unsigned;
        _stats = new(new(unsigned), new(unsigned));
        _range = column.InputRange;
    }

    /// <summary>Set while writing reinterpreted ulong values (WriteUInt64), which skip the non-negative check.</summary>
    public bool SkipRangeCheck { get; set; }

    protected override void Validate(ReadOnlySpan<long> values, ReadOnlySpan<bool> isNull)
    {
        if (_range is not { } range || SkipRangeCheck) return;
        for (int i = 0; i < values.Length; i++)
        {
            if ((values[i] < range.Min || values[i] > range.Max) && (isNull.IsEmpty || !isNull[i]))
                throw new ArgumentException($"Column '{Column.Name}' ({Column.Type}{(Column.Logical == LogicalKind.Decimal ? $"({Column.Precision},{Column.Scale}) unscaled" : "")}): value {values[i]} at index {i} is outside {range.Min}..{range.Max}.");
        }
    }

    protected override void UpdatePageStatistics(ReadOnlySpan<long> values) => _stats.Page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);
}
