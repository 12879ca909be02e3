using System.Text;

namespace FunctionsIngest.Parquet.Statistics;

/// <summary>
/// Shortens long BYTE_ARRAY/FLBA min/max: a min becomes a prefix (still &lt;= every value); a max becomes a prefix whose
/// last byte (binary) or last code point (UTF-8, kept valid) is incremented (still &gt;= every value). Exact flags go false.
/// </summary>
internal static class StatisticsTruncation
{
    public static (byte[] Value, bool Exact) Min(ReadOnlySpan<byte> value, int limit, bool utf8)
    {
        if (value.Length <= limit) return (value.ToArray(), true);
        int cut = utf8 ? CharBoundary(value, limit) : limit;
        return (value[..cut].ToArray(), false);
    }

    /// <summary>Returns null when no short upper bound exists (e.g. all 0xFF bytes).</summary>
    public static (byte[]? Value, bool Exact) Max(ReadOnlySpan<byte> value, int limit, bool utf8)
    {
        if (value.Length <= limit) return (value.ToArray(), true);
        return (utf8 ? IncrementUtf8(value[..CharBoundary(value, limit)]) : IncrementBinary(value[..limit]), false);
    }

    private static int CharBoundary(ReadOnlySpan<byte> value, int limit)
    {
        int cut = limit;
        while (cut > 0 && (value[cut] & 0xC0) == 0x80) cut--;
        return cut;
    }

    private static byte[]? IncrementBinary(ReadOnlySpan<byte> prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] == 0xFF) continue;
            var result = prefix[..(i + 1)].ToArray();
            result[i]++;
            return result;
        }

        return null;
    }

    private static byte[]? IncrementUtf8(ReadOnlySpan<byte> prefix)
    {
        string text = Encoding.UTF8.GetString(prefix);
        var runes = text.EnumerateRunes().ToList();
        for (int i = runes.Count - 1; i >= 0; i--)
        {
            int next = runes[i].Value + 1;
            if (next is >= 0xD800 and <= 0xDFFF) next = 0xE000;
            if (next > 0x10FFFF) continue;
            var sb = new StringBuilder();
            for (int k = 0; k < i; k++) sb.Append(runes[k].ToString());
            sb.Append(new Rune(next).ToString());
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        return null;
    }
}
