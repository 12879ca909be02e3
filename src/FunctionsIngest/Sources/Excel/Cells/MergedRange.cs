namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>A merged cell range: 1-based rows, 0-based columns, inclusive; the top-left cell holds the value.</summary>
internal readonly record struct MergedRange(int FirstRow, int LastRow, int FirstColumn, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    /// <summary>Parses an A1 range such as "B2:D4"; false for anything else (including a single cell).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MergedRange range)
    {
        range = default;
        int colon = text.IndexOf(':');
        if (colon <= 0
            || !CellReference.TryParse(text[..colon], out int c1, out int r1)
            || !CellReference.TryParse(text[(colon + 1)..], out int c2, out int r2)
            || r1 < 1 || r2 < r1 || c2 < c1 || c2 >= RowBuffer.MaxColumns || r2 > CellReference.MaxRow)
            return false;
        range = new MergedRange(r1, r2, c1, c2);
        return true;
    }
}
