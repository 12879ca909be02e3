using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>FLOAT columns; dictionary keyed by bit pattern.</summary>
internal sealed class FloatColumnWriter : FixedWidthColumnWriter<float, int>
{
    private readonly FloatingStatistics<float> _page = new(), _chunk = new();

    public FloatColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
    }

    protected override void UpdatePageStatistics(ReadOnlySpan<float> values) => _page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount)
    {
        var stats = _page.Build(nullCount);
        _page.MergeInto(_chunk);
        _page.Reset();
        return stats;
    }

    protected override EncodedStatistics TakeChunkStatistics(long nullCount)
    {
        var stats = _chunk.Build(nullCount);
        _chunk.Reset();
        return stats;
    }
}

/// <summary>DOUBLE columns; dictionary keyed by bit pattern.</summary>
internal sealed class DoubleColumnWriter : FixedWidthColumnWriter<double, long>
{
    private readonly FloatingStatistics<double> _page = new(), _chunk = new();

    public DoubleColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
    }

    protected override void UpdatePageStatistics(ReadOnlySpan<double> values) => _page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount)
    {
        var stats = _page.Build(nullCount);
        _page.MergeInto(_chunk);
        _page.Reset();
        return stats;
    }

    protected override EncodedStatistics TakeChunkStatistics(long nullCount)
    {
        var stats = _chunk.Build(nullCount);
        _chunk.Reset();
        return stats;
    }
}
