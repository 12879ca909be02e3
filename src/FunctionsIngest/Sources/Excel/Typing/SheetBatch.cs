using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// A batch and, per row, the sheet row it came from and the index of its sheet (for source addresses), with the
/// shared text it still lacks.
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

    public DeferredNumbers Numbers { get; } = new();
}
