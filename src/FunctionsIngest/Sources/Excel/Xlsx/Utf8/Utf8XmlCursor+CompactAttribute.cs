using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8XmlCursor
{
    private enum CompactStep : byte { Attribute, Close, SelfClose, Unreadable }

    /// <summary>
    /// Inside a start tag at rest[i]: reads <c> name="value"</c> (single space, double quotes, no entity), or the
    /// tag's end <c>&gt;</c> or <c>/&gt;</c>, moving i past it. Anything else, or the buffer's end, is Unreadable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CompactStep NextCompactAttribute(ReadOnlySpan<byte> rest, scoped ref int i, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        if (i + 1 >= rest.Length)
            return CompactStep.Unreadable;
        byte b = rest[i];
        if (b == (byte)'>')
        {
            i++;
            return CompactStep.Close;
        }
        if (b == (byte)'/')
        {
            if (rest[i + 1] != (byte)'>')
                return CompactStep.Unreadable;
            i += 2;
            return CompactStep.SelfClose;
        }
        if (b != (byte)' ')
            return CompactStep.Unreadable;
        int nameStart = i + 1, at = nameStart;
        while (at < rest.Length && rest[at] != (byte)'=')
        {
            if (IsNameEnd(rest[at]) || rest[at] is (byte)'"' or (byte)'<')
                return CompactStep.Unreadable;
            at++;
        }
        if (at + 1 >= rest.Length || at == nameStart || rest[at + 1] != (byte)'"')
            return CompactStep.Unreadable;
        int start = at + 2, end = start;
        while (end < rest.Length && rest[end] != (byte)'"')
        {
            if (rest[end] is (byte)'&' or (byte)'<')
                return CompactStep.Unreadable;
            end++;
        }
        if (end >= rest.Length)
            return CompactStep.Unreadable;
        name = rest[nameStart..at];
        value = rest[start..end];
        i = end + 1;
        return CompactStep.Attribute;
    }
}
