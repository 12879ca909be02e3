namespace FunctionsIngest.Parquet.Statistics;

/// <summary>Statistics that can be built, folded into a wider accumulator of the same kind, and reset.</summary>
internal interface IMergeableStatistics<in TSelf>
{
    EncodedStatistics Build(long nullCount);

    void MergeInto(TSelf target);

    void Reset();
}

/// <summary>The open page's statistics and the chunk's, kept in step: a finished page folds into the chunk.</summary>
internal sealed class PageAndChunkStatistics<TStats>(TStats page, TStats chunk) where TStats : IMergeableStatistics<TStats>
{
    public TStats Page => page;

    public TStats Chunk => chunk;

    public EncodedStatistics CompletePage(long nullCount)
    {
        var stats = page.Build(nullCount);
        page.MergeInto(chunk);
        page.Reset();
        return stats;
    }

    public EncodedStatistics TakeChunk(long nullCount)
    {
        var stats = chunk.Build(nullCount);
        chunk.Reset();
        return stats;
    }
}
