using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>A row start tag read whole by <see cref="Utf8XmlCursor.TryReadCompactRowStart"/>; the span dies at the cursor's next read.</summary>
internal ref struct CompactRowStart
{
    public ReadOnlySpan<byte> Hidden;

    /// <summary>row/@r, or 0 when the row has none.</summary>
    public int Number;
    public bool HasHidden;
    public bool IsEmpty;
}

internal sealed partial class Utf8XmlCursor
{
    /// <summary>
    /// The hot path for row start tags: <c>&lt;row name="value" ...&gt;</c> (or <c>/&gt;</c>) with single spaces, double
    /// quotes and no entities, taking r (1-7 plain digits, not 0) and hidden. Anything else returns false having consumed nothing.
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
            if (i + 4 < rest.Length && rest[i + 1] == (byte)'r' && rest[i + 2] == (byte)'=' && rest[i + 3] == (byte)'"')
            {
                int at = i + 4;
                if (!TryReadDigits(rest, ref at, out int number) || number == 0 || at - (i + 4) > 7 || at >= rest.Length || rest[at] != (byte)'"')
                    return false;
                if (row.Number == 0)
                    row.Number = number;
                i = at + 1;
                continue;
            }
            if (NextCompactAttribute(rest, ref i, out var name, out var value) != CompactStep.Attribute)
                return false;
            if (name.Length == 1 && name[0] == (byte)'r')
                return false; // r="" and the like: the general path names the problem
            if (!row.HasHidden && name.SequenceEqual("hidden"u8))
            {
                row.Hidden = value;
                row.HasHidden = true;
            }
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
