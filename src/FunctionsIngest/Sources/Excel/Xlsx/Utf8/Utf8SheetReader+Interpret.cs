using System.Runtime.CompilerServices;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8SheetReader
{
    /// <summary>Same decisions as SheetRowReader.Interpret, from the bytes of &lt;v&gt;.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CellValue Interpret(XlsxCellType type, int style, ReadOnlySpan<byte> raw, bool hasValue, string? inline, bool hasFormula, int column, int rowNumber)
    {
        var v = raw.Length > 0 && (raw[0] <= (byte)' ' || raw[^1] <= (byte)' ') ? raw.Trim(" \t\r\n"u8) : raw;
        bool noValue = !hasValue || v.IsEmpty;
        switch (type)
        {
            case XlsxCellType.Number:
                if (noValue)
                    return Missing(hasFormula);
                return NumberCells.Make(ParseNumber(v, column, rowNumber), _styles.KindOf(style), _date1904);
            case XlsxCellType.Shared:
                if (noValue)
                    return Missing(hasFormula);
                if (!Utf8Int32.TryParseWhole(v, out int index) || (uint)index >= (uint)_strings.Count)
                    throw IngestErrors.BadSharedStringIndex(File, SheetName, CellReference.Format(column, rowNumber), Text(v), _strings.Count);
                return SharedCell(index, column, rowNumber);
            case XlsxCellType.InlineString:
                return inline is not null ? TextCell(inline, column, rowNumber)
                    : hasValue ? TextCell(OoxmlEscapes.Decode(Encoding.UTF8.GetString(raw)), column, rowNumber) : default;
            case XlsxCellType.Boolean:
                if (noValue)
                    return Missing(hasFormula);
                return new CellValue { Kind = CellKind.Boolean, Number = ParseBoolean(v, column, rowNumber) ? 1 : 0 };
            case XlsxCellType.Error:
                return new CellValue { Kind = CellKind.Error, Text = noValue ? "#N/A" : Text(v) };
            case XlsxCellType.Date:
                if (noValue)
                    return Missing(hasFormula);
                var iso = Text(v);
                return IsoDates.TryParseMicros(iso, out long micros)
                    ? new CellValue { Kind = CellKind.DateTime, Micros = micros }
                    : new CellValue { Kind = CellKind.InvalidDate, Text = iso };
            default:
                if (!hasValue)
                    return Missing(hasFormula);
                return TextCell(OoxmlEscapes.Decode(Encoding.UTF8.GetString(raw)), column, rowNumber);
        }
    }

    /// <summary>Shared text is not materialised here: pass 1 needs only the kind, the spool stores the index.</summary>
    private CellValue SharedCell(int index, int column, int rowNumber)
    {
        // The table refused strings over the text limit when it loaded.
        return _strings.IsEmpty(index) ? default : new CellValue { Kind = CellKind.Text, SharedIndex = index + 1 };
    }

    private static CellValue Missing(bool hasFormula) =>
        hasFormula ? new CellValue { Kind = CellKind.NoCachedValue } : default;

    private CellValue TextCell(string text, int column, int rowNumber)
    {
        if (text.Length > _package.Limits.MaxTextLength)
            throw IngestErrors.TextTooLong(File, SheetName, CellReference.Format(column, rowNumber), _package.Limits.MaxTextLength);
        return text.Length == 0 ? default : new CellValue { Kind = CellKind.Text, Text = text };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ParseNumber(ReadOnlySpan<byte> text, int column, int rowNumber) =>
        TryParseNumber(text, out double value) ? value : throw IngestErrors.BadNumber(File, SheetName, CellReference.Format(column, rowNumber), Text(text));

    /// <summary>The number of a &lt;v&gt; of a t="n" cell, trimmed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out double value)
    {
        if (FastNumbers.TryDouble(text, (byte)'.', out value))
            return true;
        // Utf8Parser next; it accepts a prefix, so the whole span must be consumed.
        if (Utf8Parser.TryParse(text, out value, out int used) && used == text.Length)
            return true;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private bool ParseBoolean(ReadOnlySpan<byte> text, int column, int rowNumber)
    {
        if (text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "true"u8))
            return true;
        if (text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "false"u8))
            return false;
        throw IngestErrors.BadBoolean(File, SheetName, CellReference.Format(column, rowNumber), Text(text));
    }
}
