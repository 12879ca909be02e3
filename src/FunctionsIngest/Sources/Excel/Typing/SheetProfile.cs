using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Pass 1 over a sheet: the header row's text, the column extent (leading and trailing columns with neither a
/// header nor a value are dropped), the last row holding a value (trailing empty rows are dropped), each column's
/// inferred type, and the warnings. Memory is per column, never per row (the spool spills to disk).
/// </summary>
internal sealed class SheetProfile
{
    private ColumnTypeInference.Seen[] _seen = new ColumnTypeInference.Seen[16];
    private string?[] _headers = new string?[16];

    public int FirstColumn { get; private set; } = int.MaxValue;
    public int LastColumn { get; private set; } = -1;
    public int LastDataRow { get; private set; }
    public int LastRowWithContent { get; private set; }

    /// <summary>Reads the whole sheet once; data rows go to <paramref name="spool"/> for pass 2.</summary>
    public static SheetProfile Scan(ISheetRowSource source, int headerRow, WarningLog warnings, RowSpool spool)
    {
        var profile = new SheetProfile();
        var row = new RowBuffer();
        while (source.ReadRow(row))
        {
            if (row.RowNumber < headerRow)
            {
                if (row.SetCount > 0)
                    profile.LastRowWithContent = row.RowNumber;
                continue;
            }
            profile.Observe(row, headerRow, warnings, source);
            if (row.RowNumber > headerRow)
                spool.Write(row);
        }
        warnings.Close();
        return profile;
    }

    private void Observe(RowBuffer row, int headerRow, WarningLog warnings, ISheetRowSource source)
    {
        bool header = row.RowNumber == headerRow;
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

    private void Grow(int column)
    {
        if (column < _seen.Length)
            return;
        int size = Math.Min(RowBuffer.MaxColumns, Math.Max(column + 1, _seen.Length * 2));
        Array.Resize(ref _seen, size);
        Array.Resize(ref _headers, size);
    }

    public int ColumnCount => LastColumn < FirstColumn ? 0 : LastColumn - FirstColumn + 1;

    public TableSchema BuildSchema()
    {
        var raw = new string?[ColumnCount];
        for (int i = 0; i < raw.Length; i++)
            raw[i] = _headers[FirstColumn + i];
        var names = HeaderNames.Build(raw, FirstColumn);
        var columns = new ColumnSchema[names.Length];
        for (int i = 0; i < names.Length; i++)
            columns[i] = new ColumnSchema(names[i], ColumnTypeInference.Resolve(_seen[FirstColumn + i]));
        return new TableSchema(columns);
    }
}
