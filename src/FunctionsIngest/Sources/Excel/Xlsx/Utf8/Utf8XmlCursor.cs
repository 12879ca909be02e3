using System.Runtime.CompilerServices;
using System.Xml;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal enum TagKind : byte
{
    EndOfDocument,
    StartTag,
    EndTag,
}

/// <summary>
/// A forward-only UTF-8 XML tokenizer over a buffered stream, for the hot worksheet path. It handles what
/// well-formed parts contain — both quote styles, prefixes, comments, processing instructions, CDATA, the five
/// predefined entities and character references, CR/CRLF normalisation — and rejects a DTD. Tag and attribute
/// spans point into the buffer and stay valid only until the next call that reads.
/// </summary>
internal sealed partial class Utf8XmlCursor : IDisposable
{
    private readonly Stream _stream;
    private readonly ReadAheadStream? _chunks; // set when the stream lends its chunks: they are parsed in place
    private readonly int _maxTokenBytes;
    private byte[] _own; // the cursor's own buffer; _buffer is it or a chunk lent by _chunks
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;

    public Utf8XmlCursor(Stream stream, int maxTokenBytes, int bufferSize = 1 << 17)
    {
        _stream = stream;
        _chunks = stream is ReadAheadStream { CanLendChunks: true } lending ? lending : null;
        _maxTokenBytes = maxTokenBytes;
        _own = _buffer = new byte[bufferSize];
    }

    /// <summary>Local name (prefix removed) of the tag just read.</summary>
    public ReadOnlySpan<byte> LocalName => _buffer.AsSpan(_nameStart, _nameLength);

    /// <summary>The start tag just read ends with "/&gt;".</summary>
    public bool IsEmptyElement { get; private set; }

    private int _nameStart;
    private int _nameLength;

    /// <summary>
    /// Skips text, comments, processing instructions and CDATA up to the next start or end tag and reads it.
    /// Throws <see cref="XmlException"/> on a DTD or a truncated tag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TagKind NextTag()
    {
        while (true)
        {
            int index;
            while ((index = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'<')) < 0)
            {
                _pos = _end;
                if (!Fill())
                    return TagKind.EndOfDocument;
            }
            _pos += index;
            if (SkipMarkupOtherThanTags())
                continue;
            if (_buffer[_pos + 1] == (byte)'/')
            {
                ReadEndTag();
                return TagKind.EndTag;
            }
            ReadStartTag();
            return TagKind.StartTag;
        }
    }

    /// <summary>At a '&lt;': skips a comment, PI or CDATA section and returns true; throws on a DTD; false for a tag.</summary>
    private bool SkipMarkupOtherThanTags()
    {
        if (!Ensure(2))
            throw Malformed("the part ends inside markup");
        byte next = _buffer[_pos + 1];
        if (next == (byte)'?')
        {
            SkipPast("?>"u8);
            return true;
        }
        if (next != (byte)'!')
            return false;
        if (StartsWith("<!--"u8))
        {
            SkipPast("-->"u8);
            return true;
        }
        if (StartsWith("<![CDATA["u8))
        {
            SkipPast("]]>"u8);
            return true;
        }
        throw new XmlException("For security reasons DTD is prohibited in this XML document.");
    }

    private void ReadStartTag()
    {
        // Parse in place; when the tag runs past the buffered bytes, read more and parse again (rare).
        while (!TryParseStartTag())
            ReadMoreOrFail();
    }

    /// <summary>Reads more of the part for an unfinished tag; fails when the part has no more bytes.</summary>
    private void ReadMoreOrFail()
    {
        int available = _end - _pos;
        Ensure((int)Math.Min(_maxTokenBytes + 1L, Math.Max(available * 2L, available + 256L)));
        if (_end - _pos == available)
            throw Malformed("the part ends inside a tag");
    }

    // Scalar loops: names and values in worksheets are a few bytes, where vectorised searches cost more than they save.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseStartTag()
    {
        var span = _buffer.AsSpan(_pos, _end - _pos);
        int i = 1;
        int colon = -1;
        while (i < span.Length && !IsNameEnd(span[i]))
        {
            if (span[i] == (byte)':')
                colon = i;
            i++;
        }
        if (i >= span.Length)
            return false;
        _nameStart = _pos + (colon < 0 ? 1 : colon + 1);
        _nameLength = _pos + i - _nameStart;
        if (_nameLength <= 0)
            throw Malformed("a tag has no name");
        _attributeCount = 0;
        while (true)
        {
            while (i < span.Length && IsWhitespace(span[i]))
                i++;
            if (i >= span.Length)
                return false;
            byte b = span[i];
            if (b == (byte)'>')
            {
                IsEmptyElement = false;
                _pos += i + 1;
                return true;
            }
            if (b == (byte)'/')
            {
                if (i + 1 >= span.Length)
                    return false;
                if (span[i + 1] != (byte)'>')
                    throw Malformed("'/' inside a tag");
                IsEmptyElement = true;
                _pos += i + 2;
                return true;
            }
            int nameStart = i;
            while (i < span.Length && span[i] != (byte)'=' && !IsNameEnd(span[i]) && span[i] != (byte)'<')
                i++;
            int nameLength = i - nameStart;
            while (i < span.Length && IsWhitespace(span[i]))
                i++;
            if (i >= span.Length)
                return false;
            if (span[i] != (byte)'=' || nameLength == 0)
                throw Malformed("an attribute has no value");
            i++;
            while (i < span.Length && IsWhitespace(span[i]))
                i++;
            if (i >= span.Length)
                return false;
            byte quote = span[i];
            if (quote is not ((byte)'"' or (byte)'\''))
                throw Malformed("an attribute value is not quoted");
            int valueStart = ++i;
            while (i < span.Length && span[i] != quote)
                i++;
            if (i >= span.Length)
                return false;
            AddAttribute(_pos + nameStart, nameLength, _pos + valueStart, i - valueStart);
            i++;
        }
    }

    private void ReadEndTag()
    {
        int close;
        while ((close = _buffer.AsSpan(_pos + 2, _end - _pos - 2).IndexOf((byte)'>')) < 0)
            ReadMoreOrFail();
        int start = _pos + 2;
        int end = start + close;
        while (end > start && IsWhitespace(_buffer[end - 1]))
            end--;
        SetName(start, end);
        IsEmptyElement = false;
        _attributeCount = 0;
        _pos = start + close + 1;
    }

    private void SetName(int start, int end)
    {
        int colon = _buffer.AsSpan(start, end - start).LastIndexOf((byte)':');
        _nameStart = colon < 0 ? start : start + colon + 1;
        _nameLength = end - _nameStart;
        if (_nameLength <= 0)
            throw Malformed("a tag has no name");
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from _pos, compacting or growing the buffer.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (_eof)
                return false;
            if (TakeChunk())
                continue;
            LeaveChunk();
            if (count > _buffer.Length - _pos)
            {
                if (count > _buffer.Length)
                {
                    if (count > _maxTokenBytes)
                        throw Malformed($"a single tag or text run is longer than {_maxTokenBytes} bytes");
                    Array.Resize(ref _buffer, Math.Min(_maxTokenBytes, Math.Max(count, _buffer.Length * 2)));
                    _own = _buffer;
                }
                Compact();
            }
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
                _eof = true;
            _end += n;
        }
        return true;
    }

    /// <summary>Discards consumed bytes and reads more; false at the end of the stream.</summary>
    private bool Fill()
    {
        if (_eof)
            return false;
        if (TakeChunk())
            return !_eof;
        LeaveChunk();
        Compact();
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
            return false;
        }
        _end += n;
        return true;
    }

    /// <summary>
    /// Moves on to the stream's next chunk itself, the unread bytes put in front of it, when the stream lends chunks
    /// and the unread bytes fit its headroom; sets _eof at the end of the part. False when it did not apply.
    /// </summary>
    private bool TakeChunk()
    {
        int unread = _end - _pos;
        if (_chunks is null || unread > ReadAheadStream.Headroom)
            return false;
        if (_chunks.TryTakeChunk(_buffer.AsSpan(_pos, unread), out var chunk, out int start, out int end))
            (_buffer, _pos, _end) = (chunk, start, end);
        else
            _eof = true;
        return true;
    }

    /// <summary>Back to the cursor's own buffer (the unread bytes copied into it) before reading the stream into it.</summary>
    private void LeaveChunk()
    {
        if (ReferenceEquals(_buffer, _own))
            return;
        int unread = _end - _pos;
        if (unread > _own.Length)
            _own = new byte[Math.Max(unread, _own.Length * 2)];
        _buffer.AsSpan(_pos, unread).CopyTo(_own);
        (_buffer, _pos, _end) = (_own, 0, unread);
    }

    private void Compact()
    {
        if (_pos == 0)
            return;
        Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
        _end -= _pos;
        _pos = 0;
    }

    private bool StartsWith(ReadOnlySpan<byte> literal) =>
        Ensure(literal.Length) && _buffer.AsSpan(_pos, literal.Length).SequenceEqual(literal);

    private void SkipPast(ReadOnlySpan<byte> terminator)
    {
        int from = _pos;
        while (true)
        {
            int index = _buffer.AsSpan(from, _end - from).IndexOf(terminator);
            if (index >= 0)
            {
                _pos = from + index + terminator.Length;
                return;
            }
            int keep = Math.Max(_pos, _end - terminator.Length + 1);
            _pos = keep;
            if (!Fill())
                throw Malformed("the part ends inside a comment, processing instruction or CDATA section");
            from = _pos; // the kept bytes, moved to the front of the buffer or of the next chunk
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte b) => b <= (byte)' ' && (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\n' || b == (byte)'\r');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameEnd(byte b) => IsWhitespace(b) || b == (byte)'/' || b == (byte)'>';

    public static XmlException Malformed(string reason) => new($"Malformed XML: {reason}.");

    /// <summary>Moves past the end of the element whose start tag was just read (nothing to do for an empty one).</summary>
    public void SkipElement(string part)
    {
        if (IsEmptyElement)
            return;
        for (int depth = 1; depth > 0;)
        {
            switch (NextTag())
            {
                case TagKind.StartTag when !IsEmptyElement:
                    depth++;
                    break;
                case TagKind.EndTag:
                    depth--;
                    break;
                case TagKind.EndOfDocument:
                    throw Malformed($"{part} ends inside an element");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
