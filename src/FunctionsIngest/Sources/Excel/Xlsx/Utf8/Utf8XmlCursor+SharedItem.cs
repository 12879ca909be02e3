using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8XmlCursor
{
    /// <summary>
    /// The hot path for shared strings: <c>&lt;si&gt;&lt;t&gt;text&lt;/t&gt;&lt;/si&gt;</c> (or with
    /// <c>xml:space="preserve"</c>) with plain text. Anything else returns false having consumed nothing.
    /// <paramref name="ascii"/> is true when the text is ASCII with no '_' (so no _xHHHH_ escape): it needs no
    /// validation or decoding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadCompactSharedItem(out ReadOnlySpan<byte> text, out bool ascii)
    {
        text = default;
        ascii = false;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        int open;
        if (rest.StartsWith("<si><t>"u8))
            open = 7;
        else if (rest.StartsWith("<si><t xml:space=\"preserve\">"u8))
            open = 28;
        else
            return false;
        var body = rest[open..];
        int stop = FirstMarkupOrSpecial(body);
        if (stop < 0)
            return false;
        ascii = body[stop] == (byte)'<';
        if (!ascii)
        {
            int markup = body[stop..].IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
            if (markup < 0)
                return false;
            stop += markup;
        }
        if (body[stop] != (byte)'<' || !body[stop..].StartsWith("</t></si>"u8))
            return false;
        text = body[..stop];
        _pos += open + stop + 9;
        return true;
    }

    /// <summary>The index of the first '&lt;', '&amp;', CR, '_' or non-ASCII byte in <paramref name="text"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstMarkupOrSpecial(ReadOnlySpan<byte> text)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count <= text.Length; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.Create<byte>(text[i..]);
                // A non-ASCII byte has its top bit set already, as has every byte of a match.
                var stops = bytes | Vector256.Equals(bytes, Vector256.Create((byte)'<')) | Vector256.Equals(bytes, Vector256.Create((byte)'&'))
                    | Vector256.Equals(bytes, Vector256.Create((byte)'\r')) | Vector256.Equals(bytes, Vector256.Create((byte)'_'));
                uint mask = stops.ExtractMostSignificantBits();
                if (mask != 0)
                    return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < text.Length; i++)
        {
            if (text[i] is (byte)'<' or (byte)'&' or (byte)'\r' or (byte)'_' or >= 0x80)
                return i;
        }
        return -1;
    }
}
