using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8XmlCursor
{
    /// <summary>
    /// The hot path for shared strings: <c>&lt;si&gt;&lt;t&gt;text&lt;/t&gt;&lt;/si&gt;</c> (or with
    /// <c>xml:space="preserve"</c>) with plain text. Anything else returns false having consumed nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadCompactSharedItem(out ReadOnlySpan<byte> text)
    {
        text = default;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        int open;
        if (rest.StartsWith("<si><t>"u8))
            open = 7;
        else if (rest.StartsWith("<si><t xml:space=\"preserve\">"u8))
            open = 28;
        else
            return false;
        var body = rest[open..];
        int stop = body.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
        if (stop < 0 || body[stop] != (byte)'<' || !body[stop..].StartsWith("</t></si>"u8))
            return false;
        text = body[..stop];
        _pos += open + stop + 9;
        return true;
    }
}
