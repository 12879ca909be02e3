using ExcelDataReader;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>
/// The rows of one sheet as ExcelDataReader returns them, turned into the same cells the .xlsx reader produces.
/// ExcelDataReader's own DateTime/TimeSpan conversions are undone and the number format string reclassified,
/// so both formats share one set of date rules. It returns error cells as null, so they are blank here.
/// The ExcelDataReader instance belongs to the caller (several sheets are read through one), so Dispose leaves it open.
/// </summary>
internal sealed class XlsRowSource : ISheetRowSource
{
    private readonly IExcelDataReader _reader;
    private readonly string _file;
    private readonly int _sheetIndex;
    private int _rowNumber;

    public XlsRowSource(IExcelDataReader reader, string file, int sheetIndex, string sheetName)
    {
        _reader = reader;
        _file = file;
        _sheetIndex = sheetIndex;
        SheetName = sheetName;
        MoveToSheet();
    }

    public string SheetName { get; }

    public bool ReportHiddenRows { get; set; }

    public string SharedString(int sharedIndex) => throw new NotSupportedException("ExcelDataReader cells carry no shared-string index.");

    public Func<int, string> SharedStringsForAnotherThread() => SharedString;

    private void MoveToSheet() => EdrWorkbook.Guard(_file, () =>
    {
        _reader.Reset();
        for (int i = 0; i < _sheetIndex; i++)
            _reader.NextResult();
        _rowNumber = 0;
        return true;
    });

    public bool ReadRow(RowBuffer row) => EdrWorkbook.Guard(_file, () =>
    {
        row.Clear();
        if (!_reader.Read())
            return false;
        row.RowNumber = ++_rowNumber;
        // ExcelDataReader gives no hidden flag; a hidden row reads with height 0.
        row.Hidden = ReportHiddenRows && _reader.RowHeight == 0;
        int width = Math.Min(_reader.FieldCount, RowBuffer.MaxColumns);
        for (int i = 0; i < width; i++)
        {
            var value = _reader.GetValue(i);
            if (value is not null)
                row.Put(i, Convert(value, i));
        }
        return true;
    });

    private CellValue Convert(object value, int column)
    {
        switch (value)
        {
            case string s:
                return s.Length == 0 ? default : new CellValue { Kind = CellKind.Text, Text = s };
            case bool b:
                return new CellValue { Kind = CellKind.Boolean, Number = b ? 1 : 0 };
            case DateTime dt:
                // Back to the serial, then this reader's own format rules decide date, time or number.
                return NumberCells.Make(EdrSerial(dt), FormatKind(column), date1904: false);
            case TimeSpan ts:
                return NumberCells.Make(ts.TotalDays, FormatKind(column), date1904: false);
            case double or float or int or long or short or decimal:
                double number = System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                // ExcelDataReader leaves East Asian date formats (ids 27–36, 50–58...) as numbers; this reader treats them as dates.
                // It does not expose the 1904 flag, so the 1900 system is assumed for those.
                return NumberCells.Make(number, FormatKind(column), date1904: false);
            default:
                return new CellValue { Kind = CellKind.Text, Text = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>
    /// Inverts ExcelDataReader's serial-to-DateTime mapping (measured: serials in [0,60) come back one day later
    /// than DateTime.FromOADate gives; 60 and 59 both map to 1900-02-28; 1904 files are already shifted), yielding a
    /// 1900-system serial. The phantom 1900-02-29 is therefore lost for .xls.
    /// </summary>
    private static double EdrSerial(DateTime value)
    {
        double serial = value.ToOADate();
        return value >= LeapBugStart && value < LeapBugEnd ? serial - 1 : serial;
    }

    private static readonly DateTime LeapBugStart = new(1899, 12, 31);
    private static readonly DateTime LeapBugEnd = new(1900, 3, 1);

    private NumberFormatKind FormatKind(int column)
    {
        var code = _reader.GetNumberFormatString(column);
        if (!string.IsNullOrEmpty(code))
            return NumberFormatClassifier.ForCode(code);
        return NumberFormatClassifier.ForBuiltInId(_reader.GetNumberFormatIndex(column));
    }

    /// <summary>ExcelDataReader reads the MERGEDCELLS records with the sheet's globals, so they are known up front.</summary>
    public IReadOnlyList<MergedRange> ReadMergedRanges() => EdrWorkbook.Guard(_file, () =>
        (IReadOnlyList<MergedRange>)(_reader.MergeCells ?? [])
            .Select(m => new MergedRange(m.FromRow + 1, m.ToRow + 1, m.FromColumn, m.ToColumn))
            .Where(m => m.FirstRow <= m.LastRow && m.FirstColumn <= m.LastColumn && m.LastColumn < RowBuffer.MaxColumns)
            .ToList());

    public void Dispose() { }
}
