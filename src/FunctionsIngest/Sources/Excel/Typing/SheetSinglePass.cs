using System.Runtime.CompilerServices;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// A sheet read in one pass: after pass 1 stopped at a sample, the layout is fixed from the sample and every later
/// data row is checked against it before it is typed: a value in a column the sample did not reach, or of a kind its
/// column's type does not keep (<see cref="ValueKinds.KeptBy"/>), throws <see cref="SpeculationMissedException"/>.
/// Owns the open sheet and workbook until disposed.
/// </summary>
internal sealed partial class SheetSinglePass : IDisposable
{
    private readonly SheetProfile.Scanner _scanner;
    private readonly ISheetRowSource _source;
    private readonly IDisposable _workbook;
    private readonly ValueKind[] _kept;
    private readonly int[] _keptWhole; // per column, bit (1 << CellKind) set: every value of that cell kind is kept
    private readonly bool[] _textNeeded;
    private readonly int _firstColumn;
    private readonly int _lastColumn;
    private readonly RowBuffer _row = new();
    private readonly string _file;
    private readonly bool _date1904;
    private bool _disposed;

    private SheetSinglePass(SheetProfile.Scanner scanner, ISheetRowSource source, IDisposable workbook, TableLayout layout, ValueKind[] kept, bool[] textNeeded, string file, bool date1904)
    {
        _date1904 = date1904;
        _file = file;
        _direct = layout.IsPlain ? source as Utf8SheetReader : null;
        _scanner = scanner;
        _source = source;
        _workbook = workbook;
        Layout = layout;
        _kept = kept;
        _keptWhole = Array.ConvertAll(kept, KeptWhole);
        _textNeeded = textNeeded;
        // The direct path's shortcuts, per batch column, for plain layouts only (a batch column is then a sheet column).
        var columns = layout.IsPlain ? layout.Schema.Columns : [];
        _numbersDeferred = [.. columns.Select(c => c.Type is ColumnType.Int64 or ColumnType.Double or ColumnType.Date or ColumnType.Timestamp or ColumnType.Time)];
        _plainNumbersKept = [.. columns.Select((c, at) => c.Type switch
        {
            ColumnType.Int64 => (kept[at] & ValueKind.Integer) != 0,
            ColumnType.Double => (_keptWhole[at] & (1 << (int)CellKind.Number)) != 0,
            _ => false,
        })];
        _datesKept = [.. columns.Select((c, at) => c.Type switch
        {
            ColumnType.Date => (kept[at] & ValueKind.Date) != 0,
            ColumnType.Timestamp => (_keptWhole[at] & (1 << (int)CellKind.DateTime)) != 0,
            _ => false,
        })];
        _textDeferred = [.. columns.Select((c, at) => c.Type == ColumnType.String && (_keptWhole[at] & (1 << (int)CellKind.Text)) != 0 && !textNeeded[at])];
        _firstColumn = scanner.Profile.FirstColumn;
        _lastColumn = scanner.Profile.LastColumn;
        SharedStringsOfTakingThread = source.SharedStringsForAnotherThread();
    }

    public TableLayout Layout { get; }

    /// <summary>The shared strings for the thread that takes the batches (their text is left to it: <see cref="DeferredSharedText"/>).</summary>
    public Func<int, string> SharedStringsOfTakingThread { get; }

    /// <summary>True once every row of the sheet went through <see cref="NextDataRow"/>.</summary>
    public bool Done { get; private set; }

    /// <summary>
    /// The single pass over a sheet whose scan stopped at its sample, or null when the sample cannot fix the layout: no
    /// table yet, a schema override naming a column not seen, or a column (without override) with no value in it.
    /// </summary>
    public static SheetSinglePass? TryStart(SheetProfile.Scanner scanner, ISheetRowSource source, IDisposable workbook,
        ExcelReadOptions options, string file, bool date1904)
    {
        var profile = scanner.Profile;
        if (!profile.HasTable)
            return null;
        TableLayout layout;
        try
        {
            layout = TableLayout.Build([profile], options, file, sheetColumn: false, date1904);
        }
        catch (IngestException)
        {
            return null; // decided by the whole sheet, in two passes
        }
        var kept = new ValueKind[profile.ColumnCount];
        var textNeeded = new bool[profile.ColumnCount];
        var map = layout.Segments[0].SheetColumnOf;
        for (int i = 0; i < map.Length; i++)
        {
            var seen = profile.Seen(map[i]);
            if (layout.Converters[i] is null && seen == ValueKind.None)
                return null;
            kept[map[i] - profile.FirstColumn] = layout.Converters[i] is null ? ValueKinds.KeptBy(layout.Schema[i].Type) : ValueKinds.All;
            textNeeded[map[i] - profile.FirstColumn] = layout.Converters[i] is not null || layout.Schema[i].Type != ColumnType.String;
        }
        return new SheetSinglePass(scanner, source, workbook, layout, kept, textNeeded, file, date1904);
    }

    /// <summary>
    /// The next row past the sample holding a cell, checked, its warnings logged and its shared text resolved; hidden
    /// rows on the way are noted in the profile. Null at the end of the sheet. The row is valid until the next call.
    /// </summary>
    public RowBuffer? NextDataRow(WarningLog warnings)
    {
        var profile = _scanner.Profile;
        var row = _row;
        while (_scanner.ReadRawRow(row))
        {
            if (row.Hidden)
            {
                profile.NoteHidden(row.RowNumber);
                continue;
            }
            if (row.SetCount == 0)
                continue;
            Check(row, warnings);
            profile.ExtendTo(row.RowNumber);
            return row;
        }
        Done = true;
        return null;
    }

    private void Check(RowBuffer row, WarningLog warnings)
    {
        for (int i = 0; i < row.SetCount; i++)
        {
            int column = row.SetColumn(i);
            var cell = row.Get(column);
            bool textMissing = cell.Text is null;
            if (Accept(ref cell, column, row.RowNumber, warnings) && textMissing && cell.Text is { } text)
                row.ResolveText(column, text);
        }
    }

    /// <summary>
    /// Checks a non-blank cell against the layout fixed from the sample and gives it the shared text its column needs;
    /// false for a cell that reads as null with a warning (logged here). Throws <see cref="SpeculationMissedException"/>
    /// for a cell outside the sample's columns or of a kind its column's type does not keep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Accept(ref CellValue cell, int column, int rowNumber, WarningLog warnings)
    {
        if (column < _firstColumn || column > _lastColumn)
            throw Miss(rowNumber, column, $"a value outside the columns {CellReference.ColumnName(_firstColumn)}:{CellReference.ColumnName(_lastColumn)} of the rows before");
        if (cell.IsWarning)
        {
            warnings.Add(cell, column, rowNumber);
            return false;
        }
        int at = column - _firstColumn;
        CheckKept(cell, at, rowNumber);
        if (cell.Kind == CellKind.Text && cell.Text is null && _textNeeded[at])
            cell.Text = _source.SharedString(cell.SharedIndex);
        return true;
    }

    /// <summary>Throws a miss for a value the type of column <paramref name="at"/> (0 = the first column) does not keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckKept(in CellValue cell, int at, int rowNumber)
    {
        if ((_keptWhole[at] & (1 << (int)cell.Kind)) == 0)
        {
            var kind = ColumnTypeInference.Classify(cell);
            if ((kind & ~_kept[at]) != 0)
                throw TypeMiss(rowNumber, _firstColumn + at, kind);
        }
    }

    /// <summary>The cell kinds whose every value <see cref="ColumnTypeInference.Classify"/> maps into <paramref name="kept"/>, as bits (1 &lt;&lt; kind).</summary>
    private static int KeptWhole(ValueKind kept)
    {
        int whole = 0;
        if (kept.HasFlag(ValueKind.Integer | ValueKind.Fractional))
            whole |= 1 << (int)CellKind.Number;
        if (kept.HasFlag(ValueKind.Boolean))
            whole |= 1 << (int)CellKind.Boolean;
        if (kept.HasFlag(ValueKind.Date | ValueKind.DateTime))
            whole |= 1 << (int)CellKind.DateTime;
        if (kept.HasFlag(ValueKind.Time))
            whole |= 1 << (int)CellKind.Time;
        if (kept.HasFlag(ValueKind.Text))
            whole |= 1 << (int)CellKind.Text;
        return whole;
    }

    private SpeculationMissedException TypeMiss(int rowNumber, int column, ValueKind kind)
    {
        var schema = Layout.Schema[Array.IndexOf(Layout.Segments[0].SheetColumnOf, column)];
        return Miss(rowNumber, column, SpeculationMissedException.DescribeTypeChange(schema.Name, kind, schema.Type));
    }

    internal SpeculationMissedException Miss(int rowNumber, int column, string what) =>
        new($"sheet '{_source.SheetName}', cell {CellReference.Format(column, rowNumber)}: {what}");

    /// <summary>Closes the sheet and the workbook.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _source.Dispose();
        _workbook.Dispose();
    }
}
