namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>
/// The cells of one sheet row, placed by 0-based column index (not arrival order). Reused for every row:
/// only the columns set are cleared, so sparse rows in wide sheets stay cheap.
/// </summary>
internal sealed class RowBuffer
{
    public const int MaxColumns = 16384;

    private CellValue[] _cells = new CellValue[64];
    private int[] _set = new int[64];
    private int _setCount;

    /// <summary>1-based sheet row number.</summary>
    public int RowNumber { get; set; }

    /// <summary>The row is hidden in the sheet (only set by sources asked to report it).</summary>
    public bool Hidden { get; set; }

    /// <summary>Highest column index set in this row plus one.</summary>
    public int Width { get; private set; }

    public int SetCount => _setCount;

    /// <summary>The i-th column index set (in arrival order).</summary>
    public int SetColumn(int i) => _set[i];

    public ref readonly CellValue Get(int column)
    {
        if ((uint)column < (uint)Width)
            return ref _cells[column];
        return ref BlankCell;
    }

    private static readonly CellValue BlankCell;

    /// <summary>Places a non-blank value at <paramref name="column"/> (0..16383); a later value for the same column wins.</summary>
    public void Put(int column, in CellValue value)
    {
        if (value.Kind == CellKind.Blank)
            return;
        if (column >= _cells.Length)
            Array.Resize(ref _cells, Math.Min(MaxColumns, Math.Max(column + 1, _cells.Length * 2)));
        if (_cells[column].Kind == CellKind.Blank)
        {
            if (_setCount == _set.Length)
                Array.Resize(ref _set, _set.Length * 2);
            _set[_setCount++] = column;
        }
        if (column >= Width)
            Width = column + 1;
        _cells[column] = value;
    }

    /// <summary>Gives the text cell at <paramref name="column"/> (set, with only its shared index) its text.</summary>
    public void ResolveText(int column, string text) => _cells[column].Text = text;

    /// <summary>Cells the buffer can hold without growing (it grows to the widest row it has held).</summary>
    public int Capacity => _cells.Length;

    /// <summary>Empties the buffer and gives back the memory of a wide row: afterwards it holds at most <paramref name="cells"/> cells before growing.</summary>
    public void Trim(int cells)
    {
        if (_cells.Length <= cells)
        {
            Clear();
            return;
        }
        _cells = new CellValue[cells];
        _set = new int[Math.Min(_set.Length, cells)];
        _setCount = 0;
        Width = 0;
        Hidden = false;
    }

    public void Clear()
    {
        for (int i = 0; i < _setCount; i++)
            _cells[_set[i]] = default;
        _setCount = 0;
        Width = 0;
        Hidden = false;
    }

    /// <summary>Blanks the cells outside columns <paramref name="first"/>..<paramref name="last"/>.</summary>
    public void KeepColumns(int first, int last)
    {
        int kept = 0;
        int width = 0;
        for (int i = 0; i < _setCount; i++)
        {
            int column = _set[i];
            if (column < first || column > last)
            {
                _cells[column] = default;
                continue;
            }
            _set[kept++] = column;
            width = Math.Max(width, column + 1);
        }
        _setCount = kept;
        Width = width;
    }

    /// <summary>Makes this buffer a copy of <paramref name="other"/> (row number, hidden flag and cells).</summary>
    public void CopyFrom(RowBuffer other)
    {
        Clear();
        RowNumber = other.RowNumber;
        Hidden = other.Hidden;
        for (int i = 0; i < other.SetCount; i++)
        {
            int column = other.SetColumn(i);
            Put(column, other.Get(column));
        }
    }
}
