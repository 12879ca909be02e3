using System.Globalization;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xlsx;

internal sealed partial class SheetRowReader
{
    /// <summary>Reads one &lt;c&gt;; the reader ends on its end element (or on it, when empty). Returns its column.</summary>
    private int ReadCell(RowBuffer row, int rowNumber, int lastColumn)
    {
        var reader = _reader!;
        string? reference = null, type = null, style = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI.Length != 0)
                    continue;
                var name = reader.LocalName;
                if ((object)name == _names.R) reference = reader.Value;
                else if ((object)name == _names.T) type = reader.Value;
                else if ((object)name == _names.S) style = reader.Value;
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        int column = ColumnOf(reference, rowNumber, lastColumn);
        if (reader.IsEmptyElement)
            return column; // style-only cell: blank

        string? v = null, inline = null;
        bool hasFormula = false;
        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            var name = reader.LocalName;
            if ((object)name == _names.V)
            {
                v = reader.ReadElementContentAsString();
                continue;
            }
            if ((object)name == _names.F)
                hasFormula = true;
            else if ((object)name == _names.Is)
            {
                inline = ReadText(reader, column, rowNumber);
                reader.Read();
                continue;
            }
            reader.Skip();
        }
        var cell = Interpret(type, style, v, inline, hasFormula, column, rowNumber);
        row.Put(column, cell);
        return column;
    }

    private int ColumnOf(string? reference, int rowNumber, int lastColumn)
    {
        int column;
        if (reference is null)
        {
            column = lastColumn + 1;
        }
        else if (!CellReference.TryParse(reference, out column, out _))
        {
            throw IngestErrors.BadCellReference(File, SheetName, reference);
        }
        if (column >= RowBuffer.MaxColumns)
            throw IngestErrors.ColumnOutOfRange(File, SheetName, reference ?? CellReference.Format(column, rowNumber));
        return column;
    }

    private string ReadText(XmlReader reader, int column, int rowNumber)
    {
        try
        {
            return RichTextReader.Read(reader, _scratch, _package.Limits.MaxTextLength);
        }
        catch (TextTooLongException)
        {
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
        }
    }

    private CellValue Interpret(string? type, string? style, string? v, string? inline, bool hasFormula, int column, int rowNumber)
    {
        bool noValue = string.IsNullOrWhiteSpace(v);
        switch (type)
        {
            case null or "n" or "":
                if (noValue)
                    return Missing(hasFormula);
                return NumberCells.Make(ParseNumber(v!, column, rowNumber), _styles.KindOf(StyleIndex(style)), _date1904);
            case "s":
                if (noValue)
                    return Missing(hasFormula);
                if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) || (uint)index >= (uint)_strings.Count)
                    throw IngestErrors.BadSharedStringIndex(File, SheetName, CellReference.Format(column, rowNumber), v!.Trim(), _strings.Count);
                // Not materialised: pass 1 needs only the kind, the spool stores the index.
                // The table refused strings over the text limit when it loaded.
                return _strings.IsEmpty(index) ? default : new CellValue { Kind = CellKind.Text, SharedIndex = index + 1 };
            case "inlineStr":
                return inline is not null ? Text(inline, column, rowNumber) : v is not null ? Text(OoxmlEscapes.Decode(v), column, rowNumber) : default;
            case "b":
                if (noValue)
                    return Missing(hasFormula);
                return new CellValue { Kind = CellKind.Boolean, Number = ParseBoolean(v!, column, rowNumber) ? 1 : 0 };
            case "e":
                return new CellValue { Kind = CellKind.Error, Text = noValue ? "#N/A" : v!.Trim() };
            case "d":
                if (noValue)
                    return Missing(hasFormula);
                return IsoDates.TryParseMicros(v!, out long micros)
                    ? new CellValue { Kind = CellKind.DateTime, Micros = micros }
                    : new CellValue { Kind = CellKind.InvalidDate, Text = v!.Trim() };
            default: // "str" and unknown types: formula text results
                if (v is null)
                    return Missing(hasFormula);
                return Text(OoxmlEscapes.Decode(v), column, rowNumber);
        }
    }

    private static CellValue Missing(bool hasFormula) =>
        hasFormula ? new CellValue { Kind = CellKind.NoCachedValue } : default;

    /// <summary>Empty text reads as blank (as readxl does), so "" never turns a numeric column into text.</summary>
    private CellValue Text(string text, int column, int rowNumber)
    {
        if (text.Length > _package.Limits.MaxTextLength)
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
        return text.Length == 0 ? default : new CellValue { Kind = CellKind.Text, Text = text };
    }

    private static int StyleIndex(string? style) =>
        style is not null && int.TryParse(style, NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 0;

    private double ParseNumber(string text, int column, int rowNumber)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return value;
        throw IngestErrors.BadNumber(File, SheetName, CellReference.Format(column, rowNumber), text);
    }

    private bool ParseBoolean(string text, int column, int rowNumber)
    {
        var t = text.Trim();
        if (t == "1" || t.Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        if (t == "0" || t.Equals("false", StringComparison.OrdinalIgnoreCase))
            return false;
        throw IngestErrors.BadBoolean(File, SheetName, CellReference.Format(column, rowNumber), text);
    }

    /// <summary>Element and attribute names atomised in the reader's name table, compared by reference.</summary>
    private sealed class Names(XmlNameTable table)
    {
        public XmlNameTable Table { get; } = table;
        public string Row { get; } = table.Add("row");
        public string SheetData { get; } = table.Add("sheetData");
        public string C { get; } = table.Add("c");
        public string V { get; } = table.Add("v");
        public string F { get; } = table.Add("f");
        public string Is { get; } = table.Add("is");
        public string R { get; } = table.Add("r");
        public string T { get; } = table.Add("t");
        public string S { get; } = table.Add("s");
    }
}
