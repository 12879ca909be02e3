using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8SheetReader
{
    private byte[] _value = new byte[64];
    private int _valueLength;
    private readonly StringBuilder _rich = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadCells<TSink>(ref TSink row, int rowNumber) where TSink : struct, ICellSink
    {
        int lastColumn = -1;
        while (true)
        {
            if (_cursor.TryReadCompactCell(out var compact))
            {
                // The fields, not the struct: passed by reference, it would be re-read from memory just written.
                lastColumn = ReadCompactCell(ref row, rowNumber, lastColumn, compact.Value, compact.Column, compact.Style, compact.Type, compact.HasValue);
                continue;
            }
            if (_cursor.TryConsume("</row>"u8))
                return;
            switch (_cursor.NextTag())
            {
                case TagKind.StartTag when _cursor.LocalName.SequenceEqual("c"u8):
                    lastColumn = ReadCell(ref row, rowNumber, lastColumn);
                    break;
                case TagKind.StartTag:
                    SkipElement();
                    break;
                case TagKind.EndTag when _cursor.LocalName.SequenceEqual("row"u8):
                    return;
                case TagKind.EndTag:
                    throw Utf8XmlCursor.Malformed("unexpected end tag inside a row");
                default:
                    throw Utf8XmlCursor.Malformed("the part ends inside a row");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadCell<TSink>(ref TSink row, int rowNumber, int lastColumn) where TSink : struct, ICellSink
    {
        // One pass over the attributes: only the unprefixed r, s and t matter.
        ReadOnlySpan<byte> reference = default, typeName = default;
        bool hasReference = false, hasType = false;
        ReadOnlySpan<byte> styleText = default;
        bool hasStyle = false;
        for (int i = 0; i < _cursor.AttributeCount; i++)
        {
            var name = _cursor.AttributeName(i);
            if (name.Length != 1)
                continue;
            switch (name[0])
            {
                case (byte)'r':
                    reference = _cursor.AttributeValue(i);
                    hasReference = true;
                    break;
                case (byte)'t':
                    typeName = _cursor.AttributeValue(i);
                    hasType = true;
                    break;
                case (byte)'s':
                    styleText = _cursor.AttributeValue(i);
                    hasStyle = true;
                    break;
            }
        }
        int column = ColumnOf(hasReference, reference, rowNumber, lastColumn);
        var type = hasType ? XlsxCellTypes.Of(typeName) : XlsxCellType.Number;
        int style = hasStyle ? StyleOf(styleText) : 0;
        if (_cursor.IsEmptyElement)
            return column; // style-only cell: blank
        if (_cursor.TryReadPlainValueCell(out var plain))
        {
            var plainValue = Interpret(type, style, plain, hasValue: true, inline: null, hasFormula: false, column, rowNumber);
            row.Put(column, ref plainValue);
            return column;
        }

        bool hasValue = false, hasFormula = false;
        string? inline = null;
        while (true)
        {
            var kind = _cursor.NextTag();
            if (kind == TagKind.EndTag)
            {
                if (!_cursor.LocalName.SequenceEqual("c"u8))
                    throw Utf8XmlCursor.Malformed("unexpected end tag inside a cell");
                break;
            }
            if (kind == TagKind.EndOfDocument)
                throw Utf8XmlCursor.Malformed("the part ends inside a cell");
            var name = _cursor.LocalName;
            if (name.SequenceEqual("v"u8))
            {
                hasValue = true;
                ReadValue(column, rowNumber);
            }
            else if (name.SequenceEqual("is"u8))
            {
                inline = ReadRichText(column, rowNumber);
            }
            else
            {
                hasFormula |= name.SequenceEqual("f"u8);
                SkipElement();
            }
        }
        var value = Interpret(type, style, _value.AsSpan(0, _valueLength), hasValue, inline, hasFormula, column, rowNumber);
        row.Put(column, ref value);
        return column;
    }

    /// <summary>The same decisions as <see cref="ReadCell"/> for a cell the cursor read whole.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadCompactCell<TSink>(ref TSink row, int rowNumber, int lastColumn, ReadOnlySpan<byte> text, int cellColumn, int style, XlsxCellType type, bool hasValue) where TSink : struct, ICellSink
    {
        int column = cellColumn >= 0 ? cellColumn : NextColumn(rowNumber, lastColumn);
        if (hasValue)
        {
            if (type == XlsxCellType.Number && row.TryDeferNumber(column, _styles.KindOf(style), text))
                return column;
            if (type == XlsxCellType.Shared && Utf8Int32.TryParseWhole(text, out int index) && (uint)index < (uint)_strings.Count)
            {
                // Parsed once: a sink that does not defer the text gets the cell Interpret would make.
                if (!_strings.IsEmpty(index) && row.TryDeferSharedText(column, index))
                    return column;
                var shared = SharedCell(index, column, rowNumber);
                row.Put(column, ref shared);
                return column;
            }
            var value = Interpret(type, style, text, hasValue: true, inline: null, hasFormula: false, column, rowNumber);
            row.Put(column, ref value);
        }
        return column;
    }

    /// <summary>c/@s; a value that is not a number reads as style 0, like a missing one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StyleOf(ReadOnlySpan<byte> text) =>
        Utf8Int32.TryParseWhole(text, out int style) ? style : 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ColumnOf(bool hasReference, ReadOnlySpan<byte> reference, int rowNumber, int lastColumn)
    {
        if (!hasReference)
            return NextColumn(rowNumber, lastColumn);
        int column = 0, i = 0;
        for (; i < reference.Length && i < 4 && char.IsAsciiLetter((char)reference[i]); i++)
            column = column * 26 + ((reference[i] | 0x20) - 'a' + 1);
        int digits = i;
        while (digits < reference.Length && char.IsAsciiDigit((char)reference[digits]))
            digits++;
        if (i == 0 || i > 3 || digits != reference.Length)
            throw IngestErrors.BadCellReference(File, SheetName, Text(reference));
        if (column - 1 >= RowBuffer.MaxColumns)
            throw IngestErrors.ColumnOutOfRange(File, SheetName, Text(reference));
        return column - 1;
    }

    /// <summary>The column of a cell without r: the one after the previous cell's.</summary>
    private int NextColumn(int rowNumber, int lastColumn)
    {
        if (lastColumn + 1 >= RowBuffer.MaxColumns)
            throw IngestErrors.ColumnOutOfRange(File, SheetName, CellReference.Format(lastColumn + 1, rowNumber));
        return lastColumn + 1;
    }

    /// <summary>Copies the &lt;v&gt; text into _value (the cursor's span dies at the next read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadValue(int column, int rowNumber)
    {
        _valueLength = 0;
        if (_cursor.IsEmptyElement)
            return;
        ReadOnlySpan<byte> text;
        try
        {
            text = _cursor.ReadText(_package.Limits.MaxTextLength * 4);
        }
        catch (TextTooLongException)
        {
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
        }
        CopyValue(text);
        if (_cursor.NextTag() != TagKind.EndTag)
            throw Utf8XmlCursor.Malformed("<v> holds an element");
    }

    private void CopyValue(ReadOnlySpan<byte> text)
    {
        if (text.Length > _value.Length)
            _value = new byte[Math.Max(text.Length, _value.Length * 2)];
        text.CopyTo(_value);
        _valueLength = text.Length;
    }

    /// <summary>The text of &lt;is&gt;: &lt;t&gt; and &lt;r&gt;/&lt;t&gt; concatenated, phonetic runs and run properties skipped.</summary>
    private string ReadRichText(int column, int rowNumber)
    {
        if (_cursor.IsEmptyElement)
            return "";
        _rich.Clear();
        int depth = 1;
        while (depth > 0)
        {
            switch (_cursor.NextTag())
            {
                case TagKind.StartTag when _cursor.LocalName.SequenceEqual("t"u8):
                    if (!_cursor.IsEmptyElement)
                    {
                        AppendText(column, rowNumber);
                        SkipToEndOfText(column, rowNumber);
                    }
                    break;
                case TagKind.StartTag when _cursor.LocalName.SequenceEqual("rPh"u8) || _cursor.LocalName.SequenceEqual("phoneticPr"u8) || _cursor.LocalName.SequenceEqual("rPr"u8):
                    SkipElement();
                    break;
                case TagKind.StartTag:
                    if (!_cursor.IsEmptyElement)
                        depth++;
                    break;
                case TagKind.EndTag:
                    depth--;
                    break;
                default:
                    throw Utf8XmlCursor.Malformed("the part ends inside an inline string");
            }
        }
        return OoxmlEscapes.Decode(_rich.ToString());
    }

    private void AppendText(int column, int rowNumber)
    {
        try
        {
            _rich.Append(Encoding.UTF8.GetString(_cursor.ReadText(_package.Limits.MaxTextLength * 4)));
        }
        catch (TextTooLongException)
        {
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
        }
        if (_rich.Length > _package.Limits.MaxTextLength)
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
    }

    /// <summary>After a &lt;t&gt;'s text: elements nested in it are skipped, up to its end tag.</summary>
    private void SkipToEndOfText(int column, int rowNumber)
    {
        while (true)
        {
            var kind = _cursor.NextTag();
            if (kind == TagKind.EndTag)
                return;
            if (kind == TagKind.EndOfDocument)
                throw Utf8XmlCursor.Malformed("the part ends inside <t>");
            SkipElement();
            AppendText(column, rowNumber);
        }
    }
}
