using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Layout;

/// <summary>
/// <see cref="ExcelReadOptions.HeaderRow"/> = null: finds the header among the first <see cref="Lookahead"/> rows
/// with cells. The header is the first row that (1) spans at least 70% of the widest row's columns (first to last
/// cell), (2) fills at least half of its own span, (3) has two cells or more (unless the table is one column wide),
/// and (4) is at least half text. So a title or notes in column A, key/value lines and blank rows above the table are
/// skipped, and a header in row 1 stays row 1. No row qualifying => the first of the widest rows.
/// </summary>
internal sealed class HeaderDetector
{
    public const int Lookahead = 64;

    private readonly List<RowBuffer> _rows = [];

    public IReadOnlyList<RowBuffer> Rows => _rows;

    /// <summary>Keeps a copy of a row with cells; true once <see cref="Lookahead"/> rows are held.</summary>
    public bool Add(RowBuffer row)
    {
        if (row.SetCount == 0)
            return false;
        var copy = new RowBuffer();
        copy.CopyFrom(row);
        _rows.Add(copy);
        return _rows.Count >= Lookahead;
    }

    /// <summary>The header's row number, or 0 when no row had cells.</summary>
    public int Decide()
    {
        if (_rows.Count == 0)
            return 0;
        var shapes = _rows.Select(Shape.Of).ToList();
        int widest = shapes.Max(s => s.Span);
        foreach (var shape in shapes)
        {
            if (shape.Span * 10 >= widest * 7
                && shape.Cells * 2 >= shape.Span
                && (shape.Cells >= 2 || widest == 1)
                && shape.TextCells * 2 >= shape.Cells)
                return shape.Row;
        }
        return shapes.First(s => s.Span == widest).Row;
    }

    private readonly record struct Shape(int Row, int Span, int Cells, int TextCells)
    {
        public static Shape Of(RowBuffer row)
        {
            int first = int.MaxValue, last = -1, text = 0;
            for (int i = 0; i < row.SetCount; i++)
            {
                int column = row.SetColumn(i);
                first = Math.Min(first, column);
                last = Math.Max(last, column);
                if (row.Get(column).Kind == CellKind.Text)
                    text++;
            }
            return new Shape(row.RowNumber, last - first + 1, row.SetCount, text);
        }
    }
}
