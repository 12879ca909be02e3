using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

internal sealed partial class SheetProfile
{
    /// <summary>
    /// Makes the merged values count as if the sheet held them: header cells of a merged header repeat its text, and
    /// the columns and rows a range covers take its value's type and widen the table. Data anchors must have been
    /// captured from the spool first.
    /// </summary>
    public void ApplyMerges()
    {
        if (Merges is null)
            return;
        var ranges = Merges.Ranges;
        for (int i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].FirstRow == HeaderRow)
                Merges.SetHeaderAnchor(i, ranges[i].FirstColumn < _headers.Length ? _headers[ranges[i].FirstColumn] : null);
        }
        for (int i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            ref readonly var value = ref Merges.Anchor(i);
            if (value.Kind == CellKind.Blank)
                continue;
            Grow(range.LastColumn);
            FirstColumn = Math.Min(FirstColumn, range.FirstColumn);
            LastColumn = Math.Max(LastColumn, range.LastColumn);
            LastRowWithContent = Math.Max(LastRowWithContent, range.LastRow);
            if (range.FirstRow == HeaderRow)
            {
                for (int c = range.FirstColumn + 1; c <= range.LastColumn; c++)
                    _headers[c] = value.Text;
            }
            if (range.LastRow > HeaderRow)
            {
                LastDataRow = Math.Max(LastDataRow, range.LastRow);
                var seen = ColumnTypeInference.Classify(value);
                for (int c = range.FirstColumn; c <= range.LastColumn; c++)
                    _seen[c] |= seen;
            }
        }
    }
}
