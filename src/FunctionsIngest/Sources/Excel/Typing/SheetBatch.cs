using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// A batch and, per row, the sheet row it came from and the index of its sheet (for source addresses), with the
/// shared text it still lacks, and (in a single pass) the rows it still has to type.
/// </summary>
internal sealed class SheetBatch
{
    public SheetBatch(TableSchema schema, int capacity)
    {
        Batch = new RecordBatch(schema, capacity);
        RowNumbers = new long[Batch.Capacity];
        Sheets = new int[Batch.Capacity];
        Deferred = new DeferredSharedText(schema.Count, Batch.Capacity);
    }

    public RecordBatch Batch { get; }

    public long[] RowNumbers { get; }

    public int[] Sheets { get; }

    public DeferredSharedText Deferred { get; }

    /// <summary>The single pass's rows not yet typed into <see cref="Batch"/>; null when this batch's rows are typed as they come.</summary>
    public DeferredRows? Untyped { get; set; }

    /// <summary>Rows in the batch, typed or not.</summary>
    public int RowCount => Batch.RowCount + (Untyped?.Count ?? 0);
}
