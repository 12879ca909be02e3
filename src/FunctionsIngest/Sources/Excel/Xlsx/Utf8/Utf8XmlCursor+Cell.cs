using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>A cell read whole by <see cref="Utf8XmlCursor.TryReadCompactCell"/>; the spans die at the cursor's next read.</summary>
internal ref struct CompactCell
{
    public ReadOnlySpan<byte> Reference;
    public ReadOnlySpan<byte> Style;
    public ReadOnlySpan<byte> Type;
    public ReadOnlySpan<byte> Value;
    public bool HasReference;
    public bool HasStyle;
    public bool HasType;

    /// <summary>False for an empty element (&lt;c r="B2" s="3"/&gt;): a style-only blank.</summary>
    public bool HasValue;
}

internal sealed partial class Utf8XmlCursor
{
    /// <summary>
    /// The hot path for the cells nearly every writer produces, read in one scan with no tag tokenising:
    /// <c>&lt;c r=".." s=".." t=".."&gt;&lt;v&gt;text&lt;/v&gt;&lt;/c&gt;</c> or <c>&lt;c .../&gt;</c>, attributes in any
    /// order, single spaces, double quotes, no entities. Anything else (a formula, inline text, another attribute,
    /// a cell split across buffer refills) returns false having consumed nothing, and the general path reads it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadCompactCell(out CompactCell cell)
    {
        cell = default;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        if (rest.Length < 4 || rest[0] != (byte)'<' || rest[1] != (byte)'c')
            return false;
        int i = 2;
        while (true)
        {
            var step = NextCompactAttribute(rest, ref i, out var name, out var value);
            if (step == CompactStep.SelfClose)
            {
                _pos += i;
                return true;
            }
            if (step == CompactStep.Close)
                break;
            if (step != CompactStep.Attribute || name.Length != 1)
                return false;
            switch (name[0])
            {
                case (byte)'r':
                    cell.Reference = value;
                    cell.HasReference = true;
                    break;
                case (byte)'s':
                    cell.Style = value;
                    cell.HasStyle = true;
                    break;
                case (byte)'t':
                    cell.Type = value;
                    cell.HasType = true;
                    break;
                default:
                    return false;
            }
        }
        var body = rest[i..];
        if (body.Length < 3 || body[0] != (byte)'<' || body[1] != (byte)'v' || body[2] != (byte)'>')
            return false;
        var text = body[3..];
        int stop = text.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
        if (stop < 0 || text[stop] != (byte)'<' || !text[stop..].StartsWith("</v></c>"u8))
            return false;
        cell.Value = text[..stop];
        cell.HasValue = true;
        _pos += i + 3 + stop + 8;
        return true;
    }
}
