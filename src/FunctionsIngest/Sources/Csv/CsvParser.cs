using System.Runtime.CompilerServices;
using System.Buffers;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// A streaming RFC 4180 tokenizer over a char buffer: quoted fields with delimiters, quotes and CR/LF/CRLF inside,
/// doubled-quote or custom escapes, blank lines skipped. Fields are spans into the buffer, valid until the next record.
/// Hand-written because a per-field object or callback costs more than the parsing (see bench/csv/RESULTS.md).
/// </summary>
internal sealed partial class CsvParser : IDisposable
{
    public const int MaxRecordChars = 64 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly InvalidBytesFallback? _invalidBytes;
    private readonly string _file;
    private readonly CsvDialect _dialect;
    private readonly SearchValues<char> _quotedStops;
    private char[] _buf;
    private int _pos;
    private int _len;
    private bool _eof;
    private long _line = 1;

    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private byte[] _flags = new byte[16];
    private char[] _scratch = new char[256];

    private const byte Quoted = 1;
    private const byte Escaped = 2;

    /// <param name="firstLine">The line number of the reader's first line (a later part of the file starts past 1).</param>
    public CsvParser(TextReader reader, string file, CsvDialect dialect, int bufferChars = 1 << 16, InvalidBytesFallback? invalidBytes = null, long firstLine = 1)
    {
        _reader = reader;
        _line = firstLine;
        _invalidBytes = invalidBytes;
        _file = file;
        _dialect = dialect;
        _buf = new char[Math.Max(bufferChars, 16)];
        _quotedStops = SearchValues.Create(dialect.EscapeIsQuote ? [dialect.Quote, '\r', '\n'] : [dialect.Quote, dialect.Escape, '\r', '\n']);
    }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based physical line the current record starts on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The 1-based physical line the next record would start on.</summary>
    public long NextLine => _line;

    /// <summary>The field's text with quotes removed and escapes resolved; valid until the next <see cref="ReadRecord"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int i)
    {
        int start = _starts[i], end = _ends[i];
        return (_flags[i] & Escaped) == 0 ? _buf.AsSpan(start, end - start) : Unescape(start, end);
    }

    /// <summary>True for a field written with quotes ("" is an empty string, an unquoted empty field is null).</summary>
    public bool IsQuoted(int i) => (_flags[i] & Quoted) != 0;

    /// <summary>Skips <paramref name="lines"/> physical lines (CR, LF or CRLF), ignoring quotes.</summary>
    public void SkipLines(int lines)
    {
        while (lines > 0)
        {
            int k = _buf.AsSpan(_pos, _len - _pos).IndexOfAny('\r', '\n');
            if (k < 0 || (_buf[_pos + k] == '\r' && _pos + k + 1 == _len && !_eof))
            {
                if (_eof)
                {
                    _pos = _len;
                    return;
                }
                if (k < 0)
                    _pos = _len; // the line's text so far is dropped, its end is still ahead
                Fill();
                continue;
            }
            int j = _pos + k;
            if (_buf[j] == '\r' && j + 1 < _len && _buf[j + 1] == '\n')
                j++;
            _pos = j + 1;
            _line++;
            lines--;
        }
    }

    /// <summary>Moves to the next non-blank record; false at the end of the file.</summary>
    public bool ReadRecord()
    {
        while (true)
        {
            switch (ParseRecord())
            {
                case Result.Record:
                    return true;
                case Result.End:
                    return false;
                case Result.Blank:
                    continue;
                default:
                    Fill();
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private enum Result { Record, Blank, End, NeedMore }

    private void Fill()
    {
        ForgetStopMask();
        if (_pos > 0)
        {
            Array.Copy(_buf, _pos, _buf, 0, _len - _pos);
            _len -= _pos;
            _pos = 0;
        }
        if (_len == _buf.Length)
        {
            if (_buf.Length >= MaxRecordChars)
                throw IngestErrors.RecordTooLarge(_file, _line, MaxRecordChars);
            Array.Resize(ref _buf, Math.Min(_buf.Length * 2, MaxRecordChars));
        }
        int n;
        try
        {
            n = _reader.Read(_buf, _len, _buf.Length - _len);
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
        if (n == 0)
            _eof = true;
        _len += n;
        if (_invalidBytes is { Seen: true })
            ThrowInvalidBytes();
    }

    private void ThrowInvalidBytes()
    {
        int at = _buf.AsSpan(_pos, _len - _pos).IndexOf(InvalidBytesFallback.Marker);
        long line = _line + CountLines(_buf.AsSpan(_pos, Math.Max(at, 0)));
        var encoding = (_reader as StreamReader)?.CurrentEncoding.WebName ?? "text";
        throw IngestErrors.InvalidEncoding(_file, encoding, line);
    }

    private static long CountLines(ReadOnlySpan<char> text) => text.Count('\n') + text.Count('\r') - text.Count("\r\n");

    private void AddField(int index, int start, int end, byte flags)
    {
        if (index == _starts.Length)
        {
            Array.Resize(ref _starts, index * 2);
            Array.Resize(ref _ends, index * 2);
            Array.Resize(ref _flags, index * 2);
        }
        _starts[index] = start;
        _ends[index] = end;
        _flags[index] = flags;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> Unescape(int start, int end)
    {
        if (_scratch.Length < end - start)
            _scratch = new char[Math.Max(end - start, _scratch.Length * 2)];
        int n = 0;
        char escape = _dialect.Escape;
        for (int i = start; i < end; i++)
        {
            char c = _buf[i];
            if (c == escape && i + 1 < end)
                c = _buf[++i]; // "" => ", \x => x
            _scratch[n++] = c;
        }
        return _scratch.AsSpan(0, n);
    }
}
