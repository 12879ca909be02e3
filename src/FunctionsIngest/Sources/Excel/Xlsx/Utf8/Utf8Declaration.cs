using System.Text;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>Decides from a part's first bytes whether it is UTF-8: no UTF-16/32 byte order mark and no other declared encoding.</summary>
internal static class Utf8Declaration
{
    public static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        else if (head.Length >= 2 && (head[0] is 0xFF or 0xFE or 0x00 || head[1] == 0x00))
            return false;
        if (!head.StartsWith("<?xml"u8))
            return true;
        int end = head.IndexOf("?>"u8);
        var declaration = end < 0 ? head : head[..end];
        int at = declaration.IndexOf("encoding"u8);
        if (at < 0)
            return true;
        var rest = declaration[(at + 8)..];
        int quote = rest.IndexOfAny((byte)'"', (byte)'\'');
        if (quote < 0)
            return false;
        int close = rest[(quote + 1)..].IndexOf(rest[quote]);
        if (close < 0)
            return false;
        var name = Encoding.ASCII.GetString(rest.Slice(quote + 1, close)).Trim();
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
