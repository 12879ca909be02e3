using System.Runtime.CompilerServices;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Csv;

internal sealed partial class CsvParser
{
    /// <summary>
    /// Parses one record starting at _pos. Returns NeedMore (consuming nothing) when the buffer ends before the record
    /// does and more input may follow; the record is then parsed again from its start after <see cref="Fill"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Result ParseRecord()
    {
        char[] b = _buf;
        int len = _len;
        int i = _pos;
        if (i == len)
            return _eof ? Result.End : Result.NeedMore;
        long lines = 0;
        int count = 0;
        char delimiter = _dialect.Delimiter, quote = _dialect.Quote, escape = _dialect.Escape;
        bool quoting = _dialect.Quoting, escapeIsQuote = _dialect.EscapeIsQuote;
        while (true)
        {
            if (quoting && i < len && b[i] == quote)
            {
                int j = i + 1, end;
                long openLine = _line + lines;
                byte flags = Quoted;
                while (true)
                {
                    int k = b.AsSpan(j, len - j).IndexOfAny(_quotedStops);
                    if (k < 0)
                        return _eof ? throw IngestErrors.UnclosedQuote(_file, openLine) : Result.NeedMore;
                    j += k;
                    char c = b[j];
                    if (c == '\n')
                    {
                        lines++;
                        j++;
                    }
                    else if (c == '\r')
                    {
                        if (j + 1 == len && !_eof)
                            return Result.NeedMore;
                        j += j + 1 < len && b[j + 1] == '\n' ? 2 : 1;
                        lines++;
                    }
                    else if (c == quote && (!escapeIsQuote || j + 1 == len || b[j + 1] != quote))
                    {
                        if (escapeIsQuote && j + 1 == len && !_eof)
                            return Result.NeedMore; // the next char may be the second quote of a pair
                        end = j;
                        j++;
                        break;
                    }
                    else
                    {
                        // an escape (or the first of a doubled quote): the next char is literal
                        if (j + 1 == len)
                            return _eof ? throw IngestErrors.UnclosedQuote(_file, openLine) : Result.NeedMore;
                        char next = b[j + 1];
                        if (next == '\n' || (next == '\r' && (j + 2 == len || b[j + 2] != '\n')))
                            lines++;
                        flags |= Escaped;
                        j += 2;
                    }
                }
                AddField(count++, i + 1, end, flags);
                i = j;
                if (i == len)
                {
                    if (!_eof)
                        return Result.NeedMore;
                    return Finish(i, lines, count);
                }
                char after = b[i];
                if (after == delimiter)
                {
                    i++;
                    if (i == len && !_eof)
                        return Result.NeedMore;
                    continue;
                }
                if (after != '\r' && after != '\n')
                    throw IngestErrors.TextAfterClosingQuote(_file, _line + lines, after);
                return EndOfLine(i, lines, count);
            }
            else
            {
                int j = NextPlainStop(i, len);
                if (j < 0)
                {
                    if (!_eof)
                        return Result.NeedMore;
                    AddField(count++, i, len, 0);
                    return Finish(len, lines, count);
                }
                AddField(count++, i, j, 0);
                if (b[j] == delimiter)
                {
                    i = j + 1;
                    if (i == len && !_eof)
                        return Result.NeedMore;
                    continue;
                }
                return EndOfLine(j, lines, count);
            }
        }
    }

    /// <summary>The record ends at the CR or LF at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Result EndOfLine(int at, long lines, int count)
    {
        if (_buf[at] == '\r')
        {
            if (at + 1 == _len && !_eof)
                return Result.NeedMore;
            if (at + 1 < _len && _buf[at + 1] == '\n')
                at++;
        }
        return Finish(at + 1, lines + 1, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Result Finish(int next, long lines, int count)
    {
        RecordLine = _line;
        _line += lines;
        _pos = next;
        FieldCount = count;
        bool blank = count == 1 && _starts[0] == _ends[0] && _flags[0] == 0;
        return blank ? Result.Blank : Result.Record;
    }
}
