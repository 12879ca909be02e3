using System.Text.Json;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Json;

/// <summary>
/// Streams the top-level objects of a JSON array or NDJSON file, one <see cref="JsonDocument"/> at a time, with
/// Utf8JsonReader over a refilled byte buffer: memory holds the largest record, never the file.
/// </summary>
internal sealed class JsonRecordStream : IDisposable
{
    private const int MaxBufferBytes = 256 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly string _file;
    private byte[] _buf = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private long _absStart;       // file offset of _buf[_start]
    private long _counted;        // file offset up to which newlines are counted
    private long _newlines;
    private JsonReaderState _state;
    private bool _arrayOpen;

    public JsonRecordStream(string path, string file, JsonLayout layout)
    {
        _file = file;
        _stream = TextSourceFile.OpenRead(path, file);
        Fill();
        if (_end - _start >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF)
        {
            _start = 3;
            _counted = _absStart = 3;
        }
        Layout = layout != JsonLayout.Auto ? layout : FirstByte() == (byte)'[' ? JsonLayout.Array : JsonLayout.Lines;
        _state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = Layout == JsonLayout.Lines });
    }

    public JsonLayout Layout { get; }

    /// <summary>The current record; disposed by the next <see cref="MoveNext"/>.</summary>
    public JsonDocument? Current { get; private set; }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The 1-based position of the current record in the file.</summary>
    public long Ordinal { get; private set; }

    /// <summary>1-based ordinal in an array, the line for NDJSON: what a user sees as the record's row.</summary>
    public long RowNumber => Layout == JsonLayout.Array ? Ordinal : Line;

    public bool MoveNext()
    {
        Current?.Dispose();
        Current = null;
        while (true)
        {
            var reader = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _final, _state);
            bool? found;
            try
            {
                found = Step(ref reader);
            }
            catch (JsonException ex)
            {
                throw Malformed(ex);
            }
            Consume((int)reader.BytesConsumed);
            _state = reader.CurrentState;
            if (found is bool done)
                return done;
            if (_final)
                throw IngestErrors.MalformedJson(_file, _newlines + 1, 1, "the file ends inside a value");
            Fill();
        }
    }

    /// <summary>True: a record; false: the end; null: more bytes are needed.</summary>
    private bool? Step(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var checkpoint = reader;
            if (!reader.Read())
                return _final ? EndOfInput() : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when Layout == JsonLayout.Array && !_arrayOpen && reader.CurrentDepth == 0:
                    _arrayOpen = true;
                    continue;
                case JsonTokenType.EndArray when Layout == JsonLayout.Array && reader.CurrentDepth == 0:
                    _arrayOpen = false;
                    continue;
                case JsonTokenType.StartObject:
                    long line = LineAt(_absStart + reader.TokenStartIndex);
                    if (!JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        reader = checkpoint;
                        return null;
                    }
                    Current = document;
                    Line = line;
                    Ordinal++;
                    return true;
                default:
                    if (Layout == JsonLayout.Array && reader.CurrentDepth == 0)
                        throw IngestErrors.MalformedJson(_file, LineAt(_absStart + reader.TokenStartIndex), 1, "the file does not start with '['");
                    throw IngestErrors.JsonRecordNotObject(_file, LineAt(_absStart + reader.TokenStartIndex), Kind(reader.TokenType));
            }
        }
    }

    private bool EndOfInput()
    {
        if (_arrayOpen)
            throw IngestErrors.MalformedJson(_file, _newlines + 1, 1, "the array is not closed before the end of the file");
        return false;
    }

    private static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    private IngestException Malformed(JsonException ex)
    {
        var reason = ex.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            reason = reason[..cut].TrimEnd('.', ' ');
        return IngestErrors.MalformedJson(_file, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, reason, ex);
    }

    private long LineAt(long offset)
    {
        if (offset > _counted)
        {
            _newlines += _buf.AsSpan(_start + (int)(_counted - _absStart), (int)(offset - _counted)).Count((byte)'\n');
            _counted = offset;
        }
        return _newlines + 1;
    }

    private void Consume(int bytes)
    {
        LineAt(_absStart + bytes);
        _start += bytes;
        _absStart += bytes;
    }

    private int FirstByte()
    {
        while (true)
        {
            foreach (byte b in _buf.AsSpan(_start, _end - _start))
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    return b;
            }
            if (_final)
                return -1;
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buf.Length)
        {
            if (_buf.Length >= MaxBufferBytes)
                throw IngestErrors.RecordTooLarge(_file, _newlines + 1, MaxBufferBytes);
            Array.Resize(ref _buf, _buf.Length * 2);
        }
        try
        {
            int n = _stream.Read(_buf, _end, _buf.Length - _end);
            _end += n;
            _final = n == 0;
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
    }

    public void Dispose()
    {
        Current?.Dispose();
        _stream.Dispose();
    }
}
