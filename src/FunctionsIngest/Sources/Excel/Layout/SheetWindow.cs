using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Layout;

/// <summary>
/// The part of a sheet that is read, from <see cref="ExcelReadOptions.Range"/>: 1-based rows and 0-based columns,
/// inclusive. "A3:H500" bounds both; "A3:H" runs to the last row; "B:F" takes whole columns. No range = the whole sheet.
/// </summary>
internal readonly record struct SheetWindow(int FirstRow, int LastRow, int FirstColumn, int LastColumn)
{
    public static readonly SheetWindow WholeSheet = new(1, CellReference.MaxRow, 0, RowBuffer.MaxColumns - 1);

    public bool ClipsColumns => FirstColumn > 0 || LastColumn < RowBuffer.MaxColumns - 1;

    public bool ContainsRow(int row) => row >= FirstRow && row <= LastRow;

    public static SheetWindow Parse(string? range, string file)
    {
        if (range is null)
            return WholeSheet;
        var text = range.Trim().Replace("$", "", StringComparison.Ordinal);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1
            || !CellReference.TryParse(text.AsSpan(0, colon), out int firstColumn, out int firstRow)
            || !CellReference.TryParse(text.AsSpan(colon + 1), out int lastColumn, out int lastRow))
            throw IngestErrors.BadRange(file, range);
        if (char.IsAsciiDigit(text[colon - 1]) && firstRow == 0 || char.IsAsciiDigit(text[^1]) && lastRow == 0)
            throw IngestErrors.BadRange(file, range); // row 0
        // A missing row number parses as 0: on the left it means row 1, on the right the last row.
        if (firstRow == 0)
        {
            if (lastRow != 0)
                throw IngestErrors.BadRange(file, range); // "B:F10" has no clear meaning
            firstRow = 1;
        }
        if (lastRow == 0)
            lastRow = CellReference.MaxRow;
        if (firstColumn >= RowBuffer.MaxColumns || lastColumn >= RowBuffer.MaxColumns || firstColumn > lastColumn
            || firstRow > CellReference.MaxRow || lastRow > CellReference.MaxRow || firstRow > lastRow)
            throw IngestErrors.BadRange(file, range);
        return new SheetWindow(firstRow, lastRow, firstColumn, lastColumn);
    }
}
