using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>
/// Whole-span int parsing for the attribute and index values of every cell (style, shared-string index, row number):
/// up to 9 plain digits directly, anything else (signs, 10+ digits, junk) exactly as <see cref="Utf8Parser"/> reads it.
/// </summary>
internal static class Utf8Int32
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseWhole(ReadOnlySpan<byte> text, out int value)
    {
        if (text.Length is > 0 and <= 9)
        {
            int v = 0;
            foreach (byte b in text)
            {
                uint digit = (uint)(b - '0');
                if (digit > 9)
                    return TryParseGeneral(text, out value);
                v = v * 10 + (int)digit;
            }
            value = v;
            return true;
        }
        return TryParseGeneral(text, out value);
    }

    private static bool TryParseGeneral(ReadOnlySpan<byte> text, out int value) =>
        Utf8Parser.TryParse(text, out value, out int used) && used == text.Length;
}
