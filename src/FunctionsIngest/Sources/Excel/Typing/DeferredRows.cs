using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// A single pass's rows, copied as cells (one per batch column) by the thread that fills the batch and typed into its
/// vectors by the thread that takes it: typing was ~13% of the filling thread, which bounds a single pass, while the
/// taking thread has time to spare. Only for batches of at most <see cref="MaxCells"/> cells (6 MiB of cells).
/// </summary>
internal sealed class DeferredRows
{
    public const long MaxCells = 1 << 18;

    private readonly CellValue[] _cells;
    private readonly int _columns;

    public DeferredRows(int columns, int capacity)
    {
        _columns = columns;
        _cells = new CellValue[columns * capacity];
    }

    /// <summary>Rows held, not yet typed.</summary>
    public int Count { get; private set; }

    /// <summary>The sheet column of batch column 0, for naming a cell.</summary>
    public int FirstColumn { get; private set; }

    public void Add(RowBuffer row, int firstColumn)
    {
        FirstColumn = firstColumn;
        var cells = _cells.AsSpan(Count++ * _columns, _columns);
        for (int i = 0; i < cells.Length; i++)
            cells[i] = row.Get(firstColumn + i);
    }

    public void AddEmpty() => _cells.AsSpan(Count++ * _columns, _columns).Clear();

    /// <summary>
    /// Appends every row held to <paramref name="batch"/>'s vectors (shared text as placeholders in
    /// <paramref name="deferred"/>) and forgets them; false at a cell its column cannot hold, with its row and column.
    /// </summary>
    public bool TryTypeInto(RecordBatch batch, DeferredSharedText deferred, out int badRow, out int badColumn)
    {
        var columns = batch.Columns;
        int count = Count;
        Count = 0;
        for (int row = 0; row < count; row++)
        {
            var cells = _cells.AsSpan(row * _columns, _columns);
            for (int i = 0; i < columns.Length; i++)
            {
                if (!BatchFiller.TryAppend(columns[i], cells[i], deferred, i))
                {
                    (badRow, badColumn) = (row, FirstColumn + i);
                    return false;
                }
            }
        }
        (badRow, badColumn) = (-1, -1);
        return true;
    }
}
