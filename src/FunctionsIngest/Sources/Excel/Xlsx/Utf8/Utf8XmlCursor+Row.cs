using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>A row start tag read whole by <see cref="Utf8XmlCursor.TryReadCompactRowStart"/>; the spans die at the cursor's next read.</summary>
internal ref struct CompactRowStart
{
    public ReadOnlySpan<byte> Number;
    public ReadOnlySpan<byte> Hidden;
    public bool HasNumber;
    public bool HasHidden;
    public bool IsEmpty;
}

internal sealed partial class Utf8XmlCursor
{
    /// <summary>
    /// The hot path for row start tags: <c>&lt;row name="value" ...&gt;</c> (or <c>/&gt;</c>) with single spaces, double
    /// quotes and no entities, taking r and hidden. Anything else returns false having consumed nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadCompactRowStart(out CompactRowStart row)
    {
        row = default;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        if (!rest.StartsWith("<row"u8))
            return false;
        int i = 4;
        while (true)
        {
            if (i + 1 >= rest.Length)
                return false;
            byte b = rest[i];
            if (b == (byte)'>')
            {
                _pos += i + 1;
                return true;
            }
            if (b == (byte)'/')
            {
                if (rest[i + 1] != (byte)'>')
                    return false;
                row.IsEmpty = true;
                _pos += i + 2;
                return true;
            }
            if (b != (byte)' ')
                return false;
            int nameStart = ++i;
            while (i < rest.Length && rest[i] != (byte)'=')
            {
                if (IsNameEnd(rest[i]) || rest[i] is (byte)'"' or (byte)'<')
                    return false;
                i++;
            }
            if (i + 1 >= rest.Length || i == nameStart || rest[i + 1] != (byte)'"')
                return false;
            var name = rest[nameStart..i];
            int start = i + 2;
            int end = start;
            while (end < rest.Length && rest[end] != (byte)'"')
            {
                if (rest[end] is (byte)'&' or (byte)'<')
                    return false;
                end++;
            }
            if (end >= rest.Length)
                return false;
            if (name.Length == 1 && name[0] == (byte)'r' && !row.HasNumber)
            {
                row.Number = rest[start..end];
                row.HasNumber = true;
            }
            else if (name.SequenceEqual("hidden"u8) && !row.HasHidden)
            {
                row.Hidden = rest[start..end];
                row.HasHidden = true;
            }
            i = end + 1;
        }
    }

    /// <summary>Consumes <paramref name="literal"/> when the buffered bytes start with it (an end tag like "&lt;/row&gt;").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryConsume(ReadOnlySpan<byte> literal)
    {
        if (!_buffer.AsSpan(_pos, _end - _pos).StartsWith(literal))
            return false;
        _pos += literal.Length;
        return true;
    }
}
