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
            switch (NextCompactAttribute(rest, ref i, out var name, out var value))
            {
                case CompactStep.Close:
                    _pos += i;
                    return true;
                case CompactStep.SelfClose:
                    row.IsEmpty = true;
                    _pos += i;
                    return true;
                case CompactStep.Attribute when name.Length == 1 && name[0] == (byte)'r':
                    if (!row.HasNumber)
                    {
                        row.Number = value;
                        row.HasNumber = true;
                    }
                    break;
                case CompactStep.Attribute when name.SequenceEqual("hidden"u8):
                    if (!row.HasHidden)
                    {
                        row.Hidden = value;
                        row.HasHidden = true;
                    }
                    break;
                case CompactStep.Attribute:
                    break;
                default:
                    return false;
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
