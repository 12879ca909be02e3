using FunctionsIngest.Data;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Transforms;

/// <summary>
/// A reader seen through a pipeline, so the Parquet copier can consume transformed batches. Quarantine batches go to
/// <c>onQuarantine</c> as they occur (consume each before returning); batches emptied by filters are skipped.
/// </summary>
public sealed class TransformingTableReader(ITableReader inner, TransformPipeline pipeline, Action<RecordBatch>? onQuarantine = null) : ITableReader
{
    public TableSchema Schema => pipeline.OutputSchema;

    public long RowsRead => pipeline.RowsWritten;

    public IReadOnlyList<SourceWarning> Warnings => inner.Warnings;

    public TransformPipeline Pipeline => pipeline;

    public RecordBatch? ReadNextBatch()
    {
        while (inner.ReadNextBatch() is { } batch)
        {
            var rows = inner is ISourceRowNumbers numbered ? numbered.LastBatchRowNumbers : default;
            var sheets = inner is ISheetCellLayout cells ? cells.LastBatchSheets : default;
            var result = pipeline.Process(batch, rows, sheets);
            if (result.Quarantine is { } quarantine)
                onQuarantine?.Invoke(quarantine);
            if (result.Output.RowCount > 0)
                return result.Output;
        }
        return null;
    }

    public void Dispose() => inner.Dispose();
}
