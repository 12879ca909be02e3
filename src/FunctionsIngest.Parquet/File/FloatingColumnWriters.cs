using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>FLOAT columns; dictionary keyed by bit pattern.</summary>
internal sealed class FloatColumnWriter : FixedWidthColumnWriter<float, int>
{
    private readonly PageAndChunkStatistics<FloatingStatistics<float>> _stats = new(new(), new());

    public FloatColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
    }

    protected override void UpdatePageStatistics(ReadOnlySpan<float> values) => _stats.Page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);
}

/// <summary>DOUBLE columns; dictionary keyed by bit pattern.</summary>
internal sealed class DoubleColumnWriter : FixedWidthColumnWriter<double, long>
{
    private readonly PageAndChunkStatistics<FloatingStatistics<double>> _stats = new(new(), new());

    public DoubleColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
    }

    protected override void UpdatePageStatistics(ReadOnlySpan<double> values) => _stats.Page.Update(values);

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);
}
