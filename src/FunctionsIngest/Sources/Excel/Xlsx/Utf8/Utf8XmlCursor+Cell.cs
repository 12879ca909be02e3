using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>A cell read whole by <see cref="Utf8XmlCursor.TryReadCompactCell"/>; <see cref="Value"/> dies at the cursor's next read.</summary>
internal ref struct CompactCell
{
    public ReadOnlySpan<byte> Value;

    /// <summary>The 0-based column of c/@r, or -1 when the cell has no r.</summary>
    public int Column;

    /// <summary>c/@s, 0 when absent.</summary>
    public int Style;

    public XlsxCellType Type;

    /// <summary>False for an empty element (&lt;c r="B2" s="3"/&gt;): a style-only blank.</summary>
    public bool HasValue;
}

internal sealed partial class Utf8XmlCursor
{
    private static readonly ulong ValueAndCellEnd = BinaryPrimitives.ReadUInt64LittleEndian("</v></c>"u8);

    /// <summary>
    /// The hot path for the cells nearly every writer produces, read in one scan with no tag tokenising:
    /// <c>&lt;c r=".." s=".." t=".."&gt;&lt;v&gt;text&lt;/v&gt;&lt;/c&gt;</c> or <c>&lt;c .../&gt;</c>, attributes in any
    /// order, single spaces, double quotes, no entities, r a plain reference inside the sheet and s plain digits.
    /// Anything else (a formula, inline text, another attribute, a cell split across buffer refills) returns false
    /// having consumed nothing, and the general path reads it (and names what is wrong with it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadCompactCell(out CompactCell cell)
    {
        // Locals, not the out struct's fields, while parsing: they stay in registers.
        cell = default;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        if (rest.Length < 4 || rest[0] != (byte)'<' || rest[1] != (byte)'c')
            return false;
        int column = -1, style = 0;
        var type = XlsxCellType.Number;
        int i = 2;
        while (true)
        {
            if (i + 1 >= rest.Length)
                return false;
            byte b = rest[i];
            if (b == (byte)'>')
            {
                i++;
                break;
            }
            if (b == (byte)'/')
            {
                if (rest[i + 1] != (byte)'>')
                    return false;
                cell.Column = column;
                _pos += i + 2;
                return true;
            }
            // " x=\"": the only attributes read here have one-letter names.
            if (b != (byte)' ' || i + 4 >= rest.Length || rest[i + 2] != (byte)'=' || rest[i + 3] != (byte)'"')
                return false;
            byte name = rest[i + 1];
            int at = i + 4;
            // Tests in the order writers put the attributes, not a switch: its jump was often mispredicted.
            if (name == (byte)'r')
            {
                if (!TryReadReference(rest, ref at, out column))
                    return false;
            }
            else if (name == (byte)'s')
            {
                if (!TryReadDigits(rest, ref at, out style))
                    return false;
            }
            else if (name == (byte)'t')
            {
                if (!TryReadType(rest, ref at, out type))
                    return false;
            }
            else
            {
                return false;
            }
            if (at >= rest.Length || rest[at] != (byte)'"')
                return false;
            i = at + 1;
        }
        int valueStart = i + 3;
        if (valueStart >= rest.Length || rest[i] != (byte)'<' || rest[i + 1] != (byte)'v' || rest[i + 2] != (byte)'>')
            return false;
        int stop = EndOfValue(rest[valueStart..]);
        if (stop < 0)
            return false;
        int end = valueStart + stop;
        if (rest[end] != (byte)'<' || end + 8 > rest.Length || BinaryPrimitives.ReadUInt64LittleEndian(rest[end..]) != ValueAndCellEnd)
            return false;
        cell.Value = rest[valueStart..end];
        cell.Column = column;
        cell.Style = style;
        cell.Type = type;
        cell.HasValue = true;
        _pos += end + 8;
        return true;
    }

    /// <summary>The index of the first '&lt;', '&amp;' or CR in <paramref name="text"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EndOfValue(ReadOnlySpan<byte> text)
    {
        // Most values end within 32 bytes: one compare there, inline, beats the call and set-up of IndexOfAny.
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<byte>.Count)
        {
            var bytes = Vector256.Create<byte>(text);
            var stops = Vector256.Equals(bytes, Vector256.Create((byte)'<')) | Vector256.Equals(bytes, Vector256.Create((byte)'&')) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'));
            uint mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
                return BitOperations.TrailingZeroCount(mask);
            int rest = text[Vector256<byte>.Count..].IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
            return rest < 0 ? -1 : rest + Vector256<byte>.Count;
        }
        return text.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
    }

    /// <summary>1-3 letters and digits up to the closing quote: the 0-based column; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadReference(ReadOnlySpan<byte> rest, ref int at, out int column)
    {
        if (Vector128.IsHardwareAccelerated && rest.Length - at >= Vector128<byte>.Count)
            return TryReadShortReference(rest, ref at, out column);
        column = 0;
        int letters = 0;
        while (at < rest.Length && letters < 4 && char.IsAsciiLetter((char)rest[at]))
        {
            column = column * 26 + ((rest[at] | 0x20) - 'a' + 1);
            letters++;
            at++;
        }
        while (at < rest.Length && char.IsAsciiDigit((char)rest[at]))
            at++;
        column--;
        return letters is >= 1 and <= 3 && column < RowBuffer.MaxColumns;
    }

    /// <summary>
    /// <see cref="TryReadReference"/> in a few vector steps, for a reference that ends (at its quote) within the 16
    /// bytes at <paramref name="at"/>; the letters and digits are found as bit masks instead of byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadShortReference(ReadOnlySpan<byte> rest, ref int at, out int column)
    {
        column = 0;
        var bytes = Vector128.Create<byte>(rest[at..]);
        uint quotes = Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits();
        uint letters = Vector128.LessThanOrEqual((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)25)).ExtractMostSignificantBits();
        uint digits = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9)).ExtractMostSignificantBits();
        int end = BitOperations.TrailingZeroCount(quotes | 0x10000); // 16: no quote within reach
        int letterCount = BitOperations.TrailingZeroCount(~letters);
        // Letters then digits, nothing else, up to the quote (a row number may be absent, as the slow path allows).
        uint span = (1u << end) - 1;
        if (end == 16 || letterCount is < 1 or > 3 || ((letters | digits) & span) != span || (letters & span) >> letterCount != 0)
            return false;
        for (int i = 0; i < letterCount; i++)
            column = column * 26 + ((rest[at + i] | 0x20) - 'a' + 1);
        column--;
        at += end;
        return column < RowBuffer.MaxColumns;
    }

    /// <summary>c/@t's value up to the closing quote (a one-letter name read without a scan); false for an entity or markup in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadType(ReadOnlySpan<byte> rest, ref int at, out XlsxCellType type)
    {
        if (at + 1 < rest.Length && rest[at + 1] == (byte)'"' && rest[at] is not ((byte)'&' or (byte)'<' or (byte)'"'))
        {
            type = XlsxCellTypes.Of(rest.Slice(at, 1));
            at++;
            return true;
        }
        type = XlsxCellType.Number;
        int start = at;
        while (at < rest.Length && rest[at] != (byte)'"')
        {
            if (rest[at] is (byte)'&' or (byte)'<')
                return false;
            at++;
        }
        type = XlsxCellTypes.Of(rest[start..at]);
        return true;
    }

    /// <summary>1-9 digits up to the closing quote; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadDigits(ReadOnlySpan<byte> rest, ref int at, out int value)
    {
        value = 0;
        int start = at;
        uint digit;
        while (at < rest.Length && (digit = (uint)(rest[at] - '0')) <= 9)
        {
            value = value * 10 + (int)digit;
            at++;
        }
        return at - start is >= 1 and <= 9;
    }
}
