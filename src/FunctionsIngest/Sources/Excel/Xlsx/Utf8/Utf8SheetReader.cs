using System.Runtime.CompilerServices;
using System.Globalization;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>
/// The fast worksheet scanner: same rules as <see cref="SheetRowReader"/> (which stays as the fallback for
/// non-UTF-8 parts and as the test oracle), but it reads UTF-8 bytes directly, parses numbers from the bytes and
/// allocates only for text. Element names match by local name, so prefixes work.
/// </summary>
internal sealed partial class Utf8SheetReader : ISheetRowSource
{
    private readonly ZipPackage _package;
    private readonly string _part;
    private readonly SharedStringTable _strings;
    private readonly StyleTable _styles;
    private readonly bool _date1904;
    private readonly Utf8XmlCursor _cursor;
    private bool _inSheetData;
    private bool _done;
    private bool _onRow;
    private bool _rowIsEmpty;
    private int _pendingRow;
    private bool _pendingHidden;
    private int _lastRow;

    private Utf8SheetReader(Utf8XmlCursor cursor, ZipPackage package, string part, string sheetName, SharedStringTable strings, StyleTable styles, bool date1904)
    {
        _cursor = cursor;
        _package = package;
        _part = part;
        SheetName = sheetName;
        _strings = strings;
        _styles = styles;
        _date1904 = date1904;
    }

    public string SheetName { get; }

    public bool ReportHiddenRows { get; set; }

    public string SharedString(int sharedIndex) => _strings[sharedIndex - 1];

    public Func<int, string> SharedStringsForAnotherThread() => _strings.LookupForAnotherThread();

    private string File => _package.DisplayName;

    /// <summary>The scanner for a UTF-8 part, or null when the part declares another encoding (use the XmlReader path).</summary>
    public static Utf8SheetReader? TryCreate(ZipPackage package, string part, string sheetName, SharedStringTable strings, StyleTable styles, bool date1904)
    {
        var cursor = OpenCursor(package, part);
        if (cursor is null)
            return null;
        return new Utf8SheetReader(cursor, package, part, sheetName, strings, styles, date1904);
    }

    private static Utf8XmlCursor? OpenCursor(ZipPackage package, string part) => XmlParts.Guard(package.DisplayName, part, () =>
    {
        var stream = package.Open(part);
        var head = new byte[256];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!Utf8Declaration.IsUtf8(head.AsSpan(0, n)))
        {
            stream.Dispose();
            return null;
        }
        stream.Dispose();
        return new Utf8XmlCursor(ReadAheadStream.WhenWorthIt(package.Open(part)), maxTokenBytes: package.Limits.MaxTextLength * 4 + 1024);
    });

    public bool ReadRow(RowBuffer row)
    {
        try
        {
            return ReadRowCore(row);
        }
        catch (Exception ex) when (XmlParts.Map(File, _part, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            if (!_rowIsEmpty)
            {
                var sink = new RowBufferSink(row);
                ReadCells(ref sink, number);
            }
            _lastRow = number;
            _onRow = MoveToNextRow();
            if (!_onRow || _pendingRow != number)
                return true;
        }
    }

    /// <summary>
    /// The number of the next row element and, when hidden rows are reported, whether it is hidden; its cells stay
    /// unread (<see cref="ReadPeekedRow"/> reads them). False at the end of the sheet.
    /// </summary>
    public bool TryPeekRow(out int number, out bool hidden)
    {
        try
        {
            if (!_onRow && !(_onRow = MoveToNextRow()))
            {
                number = 0;
                hidden = false;
                return false;
            }
            number = _pendingRow;
            hidden = _pendingHidden;
            return true;
        }
        catch (Exception ex) when (XmlParts.Map(File, _part, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>
    /// Hands the cells of the row <see cref="TryPeekRow"/> saw to <paramref name="sink"/> as they are read, with no row
    /// buffer. Unlike <see cref="ReadRow"/>, a second row element with the same number is not merged into it: it is the
    /// next row peeked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadPeekedRow<TSink>(ref TSink sink) where TSink : struct, ICellSink
    {
        try
        {
            if (!_rowIsEmpty)
                ReadCells(ref sink, _pendingRow);
            _lastRow = _pendingRow;
            _onRow = MoveToNextRow();
        }
        catch (Exception ex) when (XmlParts.Map(File, _part, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MoveToNextRow()
    {
        if (_done)
            return false;
        if (!_inSheetData && !MoveToSheetData())
            return false;
        while (true)
        {
            if (_cursor.TryReadCompactRowStart(out var compact))
            {
                _rowIsEmpty = compact.IsEmpty;
                _pendingRow = compact.Number > 0 ? CheckedRowNumber(compact.Number) : RowNumberOfTag(false, default);
                if (ReportHiddenRows)
                    _pendingHidden = compact.HasHidden && IsTrue(compact.Hidden);
                return true;
            }
            switch (_cursor.NextTag())
            {
                case TagKind.EndOfDocument:
                    throw Utf8XmlCursor.Malformed("the part ends inside sheetData");
                case TagKind.EndTag:
                    if (_cursor.LocalName.SequenceEqual("sheetData"u8))
                    {
                        _done = true;
                        return false;
                    }
                    throw Utf8XmlCursor.Malformed("unexpected end tag inside sheetData");
                case TagKind.StartTag when _cursor.LocalName.SequenceEqual("row"u8):
                    _rowIsEmpty = _cursor.IsEmptyElement;
                    _pendingRow = RowNumberOfTag(_cursor.TryGetAttribute("r"u8, out var number), number);
                    if (ReportHiddenRows)
                        _pendingHidden = _cursor.TryGetAttribute("hidden"u8, out var hidden) && IsTrue(hidden);
                    return true;
                default:
                    SkipElement();
                    break;
            }
        }
    }

    private bool MoveToSheetData()
    {
        while (true)
        {
            var kind = _cursor.NextTag();
            if (kind == TagKind.EndOfDocument)
            {
                _done = true;
                return false;
            }
            if (kind == TagKind.StartTag && _cursor.LocalName.SequenceEqual("sheetData"u8))
            {
                _inSheetData = true;
                if (_cursor.IsEmptyElement)
                {
                    _done = true;
                    return false;
                }
                return true;
            }
        }
    }

    /// <summary>Skips the element whose start tag was just read, with everything inside it.</summary>
    private void SkipElement() => _cursor.SkipElement("the part");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RowNumberOfTag(bool hasNumber, ReadOnlySpan<byte> text)
    {
        int number = _lastRow + 1;
        if (hasNumber)
        {
            if (!Utf8Int32.TryParseWhole(text, out int value))
            {
                // openpyxl tolerates r="1.0", so do we.
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d != Math.Floor(d))
                    throw IngestErrors.BadCellReference(File, SheetName, $"row {Text(text)}");
                if (d < 1 || d > CellReference.MaxRow)
                    throw IngestErrors.RowOutOfRange(File, SheetName, $"row {Text(text)}");
                value = (int)d;
            }
            if (value < 1 || value > CellReference.MaxRow)
                throw IngestErrors.RowOutOfRange(File, SheetName, $"row {Text(text)}");
            number = value;
        }
        return CheckedRowNumber(number);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CheckedRowNumber(int number)
    {
        if (number < _lastRow)
            throw IngestErrors.RowsOutOfOrder(File, SheetName, number, _lastRow);
        if (number > CellReference.MaxRow)
            throw IngestErrors.RowOutOfRange(File, SheetName, $"row {number}");
        return number;
    }

    /// <summary>xsd:boolean: "1" or "true" (LibreOffice writes words).</summary>
    private static bool IsTrue(ReadOnlySpan<byte> value)
    {
        var trimmed = value.Trim((byte)' ');
        return trimmed.SequenceEqual("1"u8) || System.Text.Ascii.EqualsIgnoreCase(trimmed, "true"u8);
    }

    private static string Text(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    public void Dispose() => _cursor.Dispose();
}
