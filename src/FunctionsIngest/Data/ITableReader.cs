namespace FunctionsIngest.Data;

/// <summary>
/// A source opened for reading as a typed table. The schema is known before the first batch.
/// Batches may be reused: a caller must consume a batch before asking for the next.
/// </summary>
public interface ITableReader : IDisposable
{
    TableSchema Schema { get; }

    /// <summary>The next batch of at least one row, or null at the end of the table.</summary>
    RecordBatch? ReadNextBatch();

    /// <summary>Rows returned so far.</summary>
    long RowsRead { get; }

    /// <summary>Non-fatal findings (an error cell turned null, a formula without a cached value...).</summary>
    IReadOnlyList<SourceWarning> Warnings { get; }
}
