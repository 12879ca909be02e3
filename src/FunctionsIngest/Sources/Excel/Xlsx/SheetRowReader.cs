using System.Globalization;
using System.Text;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Streams the rows of one worksheet part with a secure XmlReader and atomised names, matching local names
/// only (so prefixed elements work). Rows and cells without r take previous + 1; consecutive &lt;row&gt;
/// elements with the same r are merged; reading stops at the end of sheetData. Used for parts that are not
/// UTF-8, and by the tests as the oracle for <see cref="Utf8.Utf8SheetReader"/>.
/// </summary>
internal sealed partial class SheetRowReader : ISheetRowSource
{
    private readonly ZipPackage _package;
    private readonly string _part;
    private readonly SharedStringTable _strings;
    private readonly StyleTable _styles;
    private readonly bool _date1904;
    private readonly Names _names;
    private readonly StringBuilder _scratch = new();
    private XmlReader? _reader;
    private bool _onRow;        // the reader is on a <row> start element not yet consumed
    private int _pendingRow;    // that row's number
    private bool _pendingHidden;
    private int _lastRow;
    private bool _done;

    public SheetRowReader(ZipPackage package, string part, string sheetName, SharedStringTable strings, StyleTable styles, bool date1904)
    {
        _package = package;
        _part = part;
        SheetName = sheetName;
        _strings = strings;
        _styles = styles;
        _date1904 = date1904;
        _names = new Names(new NameTable());
        Open();
    }

    public string SheetName { get; }

    public bool ReportHiddenRows { get; set; }

    public string SharedString(int sharedIndex) => _strings[sharedIndex - 1];

    public Func<int, string> SharedStringsForAnotherThread() => _strings.LookupForAnotherThread();

    private string File => _package.DisplayName;

    private void Open()
    {
        _reader = XmlParts.Guard(File, _part, () => XmlParts.CreateReader(_package.Open(_part), _names.Table));
        _onRow = false;
        _pendingRow = 0;
        _lastRow = 0;
        _done = false;
    }

    public bool ReadRow(RowBuffer row) => XmlParts.Guard(File, _part, () => ReadRowCore(row));

    private bool ReadRowCore(RowBuffer row)
    {
        row.Clear();
        if (!_onRow && !MoveToNextRow())
            return false;
        int number = _pendingRow;
        row.RowNumber = number;
        row.Hidden = _pendingHidden;
        while (true)
        {
            ReadCells(row, number);
            _lastRow = number;
            _onRow = MoveToNextRow();
            if (!_onRow || _pendingRow != number)
                return true;
        }
    }

    /// <summary>Advances to the next &lt;row&gt; start inside sheetData and records its number; false after sheetData.</summary>
    private bool MoveToNextRow()
    {
        var reader = _reader!;
        if (_done)
            return false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && (object)reader.LocalName == _names.Row)
            {
                _pendingRow = RowNumberOf(reader);
                _pendingHidden = ReportHiddenRows && XmlBool.Parse(reader.GetAttribute("hidden"));
                return true;
            }
            if (reader.NodeType == XmlNodeType.EndElement && (object)reader.LocalName == _names.SheetData)
                break;
        }
        _done = true;
        return false;
    }

    private int RowNumberOf(XmlReader reader)
    {
        var text = reader.GetAttribute(_names.R);
        int number = _lastRow + 1;
        if (text is not null)
        {
            // openpyxl tolerates r="1.0", so do we.
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value != Math.Floor(value))
                throw IngestErrors.BadCellReference(File, SheetName, $"row {text}");
            if (value < 1 || value > CellReference.MaxRow)
                throw IngestErrors.RowOutOfRange(File, SheetName, $"row {text}");
            number = (int)value;
        }
        if (number < _lastRow)
            throw IngestErrors.RowsOutOfOrder(File, SheetName, number, _lastRow);
        if (number > CellReference.MaxRow)
            throw IngestErrors.RowOutOfRange(File, SheetName, $"row {number}");
        return number;
    }

    private void ReadCells(RowBuffer row, int rowNumber)
    {
        var reader = _reader!;
        if (reader.IsEmptyElement)
            return;
        int depth = reader.Depth;
        int lastColumn = -1;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if ((object)reader.LocalName == _names.C)
                {
                    lastColumn = ReadCell(row, rowNumber, lastColumn);
                    reader.Read();
                }
                else
                {
                    reader.Skip();
                }
                continue;
            }
            reader.Read();
        }
    }

    /// <summary>Reads on past sheetData to the mergeCell elements (mergeCells follows sheetData in CT_Worksheet).</summary>
    public IReadOnlyList<MergedRange> ReadMergedRanges() => XmlParts.Guard(File, _part, () =>
    {
        var reader = _reader!;
        var ranges = new List<MergedRange>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "mergeCell"
                && MergedRange.TryParse(reader.GetAttribute("ref"), out var range))
                ranges.Add(range);
        }
        _done = true;
        return ranges;
    });

    public void Dispose() => _reader?.Dispose();
}
