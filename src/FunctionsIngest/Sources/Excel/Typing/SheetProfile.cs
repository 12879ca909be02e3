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

    /// <summary>Reads the whole sheet once; data rows go to <paramref name="spool"/> for pass 2.</summary>
    public static SheetProfile Scan(ISheetRowSource source, SheetScanPlan plan, WarningLog warnings, RowSpool spool)
    {
        var profile = new SheetProfile(source.SheetName) { HeaderRow = plan.HeaderRow ?? 0 };
        var window = plan.Window;
        var detector = plan.HeaderRow is null ? new HeaderDetector() : null;
        source.ReportHiddenRows = plan.SkipHiddenRows;
        bool clipColumns = window.ClipsColumns;
        var own = new RowBuffer();
        ProfileRelay? relay = null;
        long taken = 0;
        try
        {
            while (true)
            {
                var row = relay?.Next ?? own;
                if (!source.ReadRow(row))
                    break;
                if (row.RowNumber < window.FirstRow)
                    continue;
                if (row.RowNumber > window.LastRow)
                    break;
                if (clipColumns)
                    row.KeepColumns(window.FirstColumn, window.LastColumn);
                if (row.Hidden && row.RowNumber != profile.HeaderRow)
                {
                    profile._hiddenRows.Add(row.RowNumber);
                    continue;
                }
                if (detector is null)
                {
                    if (relay is not null)
                    {
                        relay.Commit();
                        continue;
                    }
                    profile.Take(row, warnings, source, spool);
                    // A long sheet profiles on a helper thread from here on: past the header row, so the helper
                    // only sees data rows (never the header's shared-string lookups).
                    if (++taken >= plan.HelperAfterRows && row.RowNumber > profile.HeaderRow && Environment.ProcessorCount > 1)
                        relay = new ProfileRelay(r => profile.Take(r, warnings, source, spool));
                }
                else if (detector.Add(row))
                {
                    profile.TakeDetected(detector, warnings, source, spool);
                    detector = null;
                }
            }
            relay?.Complete();
        }
        finally
        {
            relay?.Dispose();
        }
        if (detector is not null)
            profile.TakeDetected(detector, warnings, source, spool);
        if (plan.FillMergedCells && profile.HasTable)
            profile.Merges = MergeFill.Create(source.ReadMergedRanges(), window, profile.HeaderRow);
        return profile;
    }

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
