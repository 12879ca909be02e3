using System.Runtime.CompilerServices;
using System.Text;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8XmlCursor
{
    private int[] _attributes = new int[4 * 8]; // per attribute: name start, name length, value start, value length
    private int _attributeCount;
    private byte[] _text = new byte[256];
    private int _textLength;

    /// <summary>The value of the unprefixed attribute <paramref name="name"/> on the start tag just read, or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < _attributeCount; i++)
        {
            int at = i * 4;
            if (_buffer.AsSpan(_attributes[at], _attributes[at + 1]).SequenceEqual(name))
            {
                value = _buffer.AsSpan(_attributes[at + 2], _attributes[at + 3]);
                if (value.IndexOf((byte)'&') >= 0)
                    value = DecodeAttribute(value);
                return true;
            }
        }
        value = default;
        return false;
    }

    public int AttributeCount => _attributeCount;

    /// <summary>Name and raw value of attribute <paramref name="index"/> (entities not decoded; see <see cref="TryGetAttribute"/>).</summary>
    public ReadOnlySpan<byte> AttributeName(int index) => _buffer.AsSpan(_attributes[index * 4], _attributes[index * 4 + 1]);

    public ReadOnlySpan<byte> AttributeValue(int index)
    {
        var value = _buffer.AsSpan(_attributes[index * 4 + 2], _attributes[index * 4 + 3]);
        return value.IndexOf((byte)'&') >= 0 ? DecodeAttribute(value) : value;
    }

    private void AddAttribute(int nameStart, int nameLength, int valueStart, int valueLength)
    {
        int at = _attributeCount * 4;
        if (at + 4 > _attributes.Length)
            Array.Resize(ref _attributes, _attributes.Length * 2);
        _attributes[at] = nameStart;
        _attributes[at + 1] = nameLength;
        _attributes[at + 2] = valueStart;
        _attributes[at + 3] = valueLength;
        _attributeCount++;
    }

    private byte[] DecodeAttribute(ReadOnlySpan<byte> raw)
    {
        var output = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'&')
            {
                output.Add(raw[i]);
                continue;
            }
            int semicolon = raw[i..].IndexOf((byte)';');
            if (semicolon < 0)
                throw Malformed("an entity reference is not terminated");
            int n = EncodeEntity(raw.Slice(i + 1, semicolon - 1), utf8);
            for (int k = 0; k < n; k++)
                output.Add(utf8[k]);
            i += semicolon;
        }
        return [.. output];
    }

    /// <summary>
    /// Fast path for the usual cell body, right after a non-empty &lt;c&gt; start tag: exactly
    /// "&lt;v&gt;text&lt;/v&gt;&lt;/c&gt;" with plain text (no entities, CR, CDATA or prefixes). On success the whole
    /// body is consumed and <paramref name="value"/> points into the buffer until the next read; otherwise nothing is consumed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadPlainValueCell(out ReadOnlySpan<byte> value)
    {
        value = default;
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        if (!rest.StartsWith("<v>"u8))
            return false;
        var text = rest[3..];
        int stop = text.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
        if (stop < 0 || text[stop] != (byte)'<' || !text[stop..].StartsWith("</v></c>"u8))
            return false;
        value = text[..stop];
        _pos += 3 + stop + 8;
        return true;
    }

    /// <summary>
    /// Reads the character data after the start tag just read, up to the next tag (which is left for
    /// <see cref="NextTag"/>): entities decoded, CDATA unwrapped, comments and PIs dropped, CR and CRLF read as LF.
    /// The span is valid until the next read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> ReadText(int maxBytes)
    {
        // Fast path: plain text followed directly by an end tag, all in the buffer.
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        int stop = rest.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
        if (stop >= 0 && rest[stop] == (byte)'<' && stop + 1 < rest.Length && rest[stop + 1] == (byte)'/')
        {
            _pos += stop;
            return rest[..stop];
        }
        _textLength = 0;
        while (true)
        {
            if (_pos >= _end && !Fill())
                throw Malformed("the part ends inside text");
            byte b = _buffer[_pos];
            if (b == (byte)'<')
            {
                if (!Ensure(2))
                    throw Malformed("the part ends inside markup");
                if (StartsWith("<![CDATA["u8))
                {
                    _pos += 9;
                    AppendCData(maxBytes);
                    continue;
                }
                if (SkipMarkupOtherThanTags())
                    continue;
                return _text.AsSpan(0, _textLength);
            }
            if (b == (byte)'&')
            {
                AppendEntity();
            }
            else if (b == (byte)'\r')
            {
                _pos++;
                if (Ensure(1) && _buffer[_pos] == (byte)'\n')
                    _pos++;
                AppendText("\n"u8);
            }
            else
            {
                var run = _buffer.AsSpan(_pos, _end - _pos);
                int length = run.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
                if (length < 0)
                    length = run.Length;
                AppendText(run[..length]);
                _pos += length;
            }
            if (_textLength > maxBytes)
                throw new TextTooLongException();
        }
    }

    private void AppendCData(int maxBytes)
    {
        while (true)
        {
            var run = _buffer.AsSpan(_pos, _end - _pos);
            int close = run.IndexOf("]]>"u8);
            int take = close >= 0 ? close : Math.Max(0, run.Length - 2);
            AppendNormalized(run[..take]);
            _pos += take;
            if (close >= 0)
            {
                _pos += 3;
                return;
            }
            if (_textLength > maxBytes)
                throw new TextTooLongException();
            if (!Fill())
                throw Malformed("the part ends inside a CDATA section");
        }
    }

    private void AppendNormalized(ReadOnlySpan<byte> raw)
    {
        while (raw.Length > 0)
        {
            int cr = raw.IndexOf((byte)'\r');
            if (cr < 0)
            {
                AppendText(raw);
                return;
            }
            AppendText(raw[..cr]);
            AppendText("\n"u8);
            raw = raw[(cr + 1)..];
            if (raw.Length > 0 && raw[0] == (byte)'\n')
                raw = raw[1..];
        }
    }

    private void AppendEntity()
    {
        if (!Ensure(3))
            throw Malformed("the part ends inside an entity reference");
        int semicolon = _buffer.AsSpan(_pos, Math.Min(_end - _pos, 12)).IndexOf((byte)';');
        if (semicolon < 0)
        {
            Ensure(12); // may stop short at the end of the part; search what is there
            semicolon = _buffer.AsSpan(_pos, Math.Min(_end - _pos, 12)).IndexOf((byte)';');
        }
        if (semicolon < 0)
            throw Malformed("an entity reference is not terminated");
        Span<byte> utf8 = stackalloc byte[4];
        int n = EncodeEntity(_buffer.AsSpan(_pos + 1, semicolon - 1), utf8);
        AppendText(utf8[..n]);
        _pos += semicolon + 1;
    }

    private static int EncodeEntity(ReadOnlySpan<byte> name, Span<byte> utf8)
    {
        int code;
        if (name.SequenceEqual("lt"u8)) code = '<';
        else if (name.SequenceEqual("gt"u8)) code = '>';
        else if (name.SequenceEqual("amp"u8)) code = '&';
        else if (name.SequenceEqual("quot"u8)) code = '"';
        else if (name.SequenceEqual("apos"u8)) code = '\'';
        else if (name.Length > 1 && name[0] == (byte)'#')
            code = ParseCharReference(name[1..]);
        else
            throw Malformed($"reference to undeclared entity '{Encoding.UTF8.GetString(name)}'");
        if (!Rune.TryCreate(code, out var rune) || !rune.TryEncodeToUtf8(utf8, out int written))
            throw Malformed($"invalid character reference &{Encoding.UTF8.GetString(name)};");
        return written;
    }

    private static int ParseCharReference(ReadOnlySpan<byte> digits)
    {
        bool hex = digits.Length > 1 && digits[0] == (byte)'x';
        if (hex)
            digits = digits[1..];
        int value = 0;
        foreach (byte d in digits)
        {
            int digit = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                _ => -1,
            };
            if (digit < 0 || value > 0x10FFFF)
                return -1;
            value = value * (hex ? 16 : 10) + digit;
        }
        return digits.Length == 0 ? -1 : value;
    }

    private void AppendText(ReadOnlySpan<byte> bytes)
    {
        if (_textLength + bytes.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_textLength + bytes.Length, _text.Length * 2));
        bytes.CopyTo(_text.AsSpan(_textLength));
        _textLength += bytes.Length;
    }
}
