using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Layout;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Pass 1 over one sheet: the header row (given or detected) and its text, the column extent (leading and trailing
/// columns with neither a header nor a value are dropped), the last row holding a value (trailing empty rows are
/// dropped), each column's inferred type, hidden rows, merged ranges, and the warnings. Data rows go to the spool.
/// Memory is per column, never per row (the spool spills to disk; hidden rows are kept as row numbers).
/// </summary>
internal sealed partial class SheetProfile
{
    private ValueKind[] _seen = new ValueKind[16];
    private string?[] _headers = new string?[16];
    private readonly List<int> _hiddenRows = [];

    private SheetProfile(string sheetName) => SheetName = sheetName;

    public string SheetName { get; }
    public int HeaderRow { get; private set; }
    public int FirstColumn { get; private set; } = int.MaxValue;
    public int LastColumn { get; private set; } = -1;
    public int LastDataRow { get; private set; }
    public int LastRowWithContent { get; private set; }

    /// <summary>Rows written to the spool for this sheet (pass 2 reads exactly this many back).</summary>
    public long SpooledRows { get; private set; }

    /// <summary>Hidden rows skipped (ascending), when hidden rows are left out.</summary>
    public IReadOnlyList<int> HiddenRows => _hiddenRows;

    /// <summary>The merged ranges to fill in pass 2, or null.</summary>
    public MergeFill? Merges { get; private set; }

    /// <summary>False when nothing was found at or below the header row (or, detecting, no cell at all).</summary>
    public bool HasTable => HeaderRow > 0 && LastRowWithContent >= HeaderRow;

    private void TakeDetected(HeaderDetector detector, WarningLog warnings, ISheetRowSource source, RowSpool spool)
    {
        HeaderRow = detector.Decide();
        foreach (var buffered in detector.Rows)
            Take(buffered, warnings, source, spool);
    }

    private void Take(RowBuffer row, WarningLog warnings, ISheetRowSource source, RowSpool spool)
    {
        if (row.RowNumber < HeaderRow)
        {
            if (row.SetCount > 0)
                LastRowWithContent = row.RowNumber;
            return;
        }
        Observe(row, warnings, source);
        if (row.RowNumber > HeaderRow && spool.Write(row))
            SpooledRows++;
    }

    private void Observe(RowBuffer row, WarningLog warnings, ISheetRowSource source)
    {
        bool header = row.RowNumber == HeaderRow;
        for (int i = 0; i < row.SetCount; i++)
        {
            int column = row.SetColumn(i);
            ref readonly var cell = ref row.Get(column);
            Grow(column);
            FirstColumn = Math.Min(FirstColumn, column);
            LastColumn = Math.Max(LastColumn, column);
            LastRowWithContent = row.RowNumber;
            if (header)
            {
                _headers[column] = cell.Kind == CellKind.Text && cell.Text is null ? source.SharedString(cell.SharedIndex) : CellText.Render(cell);
                continue;
            }
            LastDataRow = row.RowNumber;
            if (cell.IsWarning)
                warnings.Add(cell, column, row.RowNumber);
            else
                _seen[column] |= ColumnTypeInference.Classify(cell);
        }
    }

    /// <summary>The single pass found another data row past the sample (rows in between read as blank unless hidden).</summary>
    public void ExtendTo(int dataRow)
    {
        LastDataRow = dataRow;
        LastRowWithContent = dataRow;
    }

    /// <summary>The single pass met a hidden row past the sample (ascending, after every hidden row noted so far).</summary>
    public void NoteHidden(int row) => _hiddenRows.Add(row);

    private void Grow(int column)
    {
        if (column < _seen.Length)
            return;
        int size = Math.Min(RowBuffer.MaxColumns, Math.Max(column + 1, _seen.Length * 2));
        Array.Resize(ref _seen, size);
        Array.Resize(ref _headers, size);
    }

    public int ColumnCount => LastColumn < FirstColumn ? 0 : LastColumn - FirstColumn + 1;

    /// <summary>Header text per column from <see cref="FirstColumn"/> (null when blank).</summary>
    public string?[] RawHeaders()
    {
        var raw = new string?[ColumnCount];
        for (int i = 0; i < raw.Length; i++)
            raw[i] = _headers[FirstColumn + i];
        return raw;
    }

    public ValueKind Seen(int column) => column < _seen.Length ? _seen[column] : ValueKind.None;
}
