using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Layout;

/// <summary>
/// <see cref="ExcelReadOptions.FillMergedCells"/> for one sheet: the merged ranges whose top-left cell is in the
/// table (inside the range read, on or below the header row), clipped to the range read, with their top-left values.
/// Ranges anchored above the header or outside the range are not filled: their value was never read.
/// </summary>
internal sealed class MergeFill
{
    private readonly MergedRange[] _ranges; // ascending FirstRow
    private readonly CellValue[] _anchors;
    private readonly List<int> _active = [];
    private int _nextToCapture;
    private int _nextToActivate;

    private MergeFill(MergedRange[] ranges, int headerRow)
    {
        _ranges = ranges;
        _anchors = new CellValue[ranges.Length];
        HeaderRow = headerRow;
    }

    public int HeaderRow { get; }

    public IReadOnlyList<MergedRange> Ranges => _ranges;

    public ref readonly CellValue Anchor(int index) => ref _anchors[index];

    public static MergeFill? Create(IReadOnlyList<MergedRange> merges, SheetWindow window, int headerRow)
    {
        var kept = new List<MergedRange>();
        foreach (var m in merges)
        {
            if (m.FirstRow < headerRow || !window.ContainsRow(m.FirstRow) || m.FirstColumn < window.FirstColumn || m.FirstColumn > window.LastColumn)
                continue;
            var clipped = m with { LastRow = Math.Min(m.LastRow, window.LastRow), LastColumn = Math.Min(m.LastColumn, window.LastColumn) };
            if (clipped.LastRow > clipped.FirstRow || clipped.LastColumn > clipped.FirstColumn)
                kept.Add(clipped);
        }
        if (kept.Count == 0)
            return null;
        kept.Sort((a, b) => a.FirstRow != b.FirstRow ? a.FirstRow.CompareTo(b.FirstRow) : a.FirstColumn.CompareTo(b.FirstColumn));
        return new MergeFill([.. kept], headerRow);
    }

    /// <summary>Ranges anchored below the header need their values from the spooled rows before types are inferred.</summary>
    public bool NeedsDataAnchors => _ranges[^1].FirstRow > HeaderRow;

    /// <summary>Sets the value of a range anchored in the header row (its text).</summary>
    public void SetHeaderAnchor(int index, string? text)
    {
        if (text is not null)
            _anchors[index] = new CellValue { Kind = CellKind.Text, Text = text };
    }

    /// <summary>Records the anchor values found in <paramref name="row"/>; rows come in ascending order.</summary>
    public void CaptureAnchors(RowBuffer row)
    {
        while (_nextToCapture < _ranges.Length && _ranges[_nextToCapture].FirstRow < row.RowNumber)
            _nextToCapture++;
        for (int i = _nextToCapture; i < _ranges.Length && _ranges[i].FirstRow == row.RowNumber; i++)
        {
            ref readonly var cell = ref row.Get(_ranges[i].FirstColumn);
            if (!cell.IsWarning)
                _anchors[i] = cell;
        }
    }

    /// <summary>Pass 2: writes each covering range's value into the row's other cells of that range.</summary>
    public void Apply(RowBuffer row)
    {
        int number = row.RowNumber;
        while (_nextToActivate < _ranges.Length && _ranges[_nextToActivate].FirstRow <= number)
            _active.Add(_nextToActivate++);
        _active.RemoveAll(i => _ranges[i].LastRow < number);
        foreach (int i in _active)
        {
            ref readonly var value = ref _anchors[i];
            if (value.Kind == CellKind.Blank)
                continue;
            var range = _ranges[i];
            for (int column = range.FirstColumn; column <= range.LastColumn; column++)
            {
                if (number != range.FirstRow || column != range.FirstColumn)
                    row.Put(column, value);
            }
        }
    }
}
