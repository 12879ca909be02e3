using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Pass 1 on two cores: the file is cut after a line feed near its middle and both halves are profiled at once. The
/// cut is checked, not guessed: the first half is parsed from the true start up to the cut, so if the cut falls inside
/// a quoted field that parse ends inside the quotes and fails; then, or on any other error, the caller scans the whole
/// file in one pass (which also gives every error its exact line). Only for encodings in which byte 0x0A is always a
/// whole LF character (UTF-8, Windows-1252).
/// </summary>
internal static class CsvSplitScan
{
    private const int BufferChars = 1 << 16;

    /// <summary>The profile, or null when the file is not split (small, one core, no header, other encoding) or a half failed.</summary>
    public static CsvProfile? TryScan(string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture)
    {
        if (!options.HasHeader || Environment.ProcessorCount < 2)
            return null;
        var named = TextEncodings.Resolve(options.Encoding, file);
        Encoding encoding;
        long start, cut, length;
        using (var probe = TextSourceFile.OpenRead(path, file))
        {
            length = probe.Length;
            if (length < options.SplitScanMinBytes)
                return null;
            (encoding, int skip) = TextEncodings.Detect(probe, named, file);
            if (encoding.CodePage is not (65001 or 1252))
                return null;
            start = skip;
            cut = LineStartAfter(probe, Math.Max(skip, length / 2));
        }
        if (cut <= start || cut >= length)
            return null;
        var parser = Open(path, file, dialect, encoding, start, cut);
        using var cancel = new CancellationTokenSource();
        Task<CsvProfile>? second = null;
        var first = new CsvProfile();
        long lineOffset;
        try
        {
            parser.SkipLines(options.SkipRows);
            first.ReadHeader(parser, file);
            var continuation = first.Continuation();
            second = Task.Run(() => ScanRest(continuation, path, file, options, dialect, culture, encoding, cut, cancel.Token));
            first.ObserveAll(parser, options, culture, file, CancellationToken.None);
            lineOffset = parser.NextLine - 1;
        }
        catch (IngestException)
        {
            cancel.Cancel();
            if (second is not null)
                ResultOrNull(second);
            return null;
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            parser.Dispose();
        }
        var rest = ResultOrNull(second);
        if (rest is null)
            return null;
        first.Append(rest, lineOffset);
        return first;
    }

    private static CsvProfile ScanRest(CsvProfile profile, string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture, Encoding encoding, long cut, CancellationToken cancel)
    {
        using var parser = Open(path, file, dialect, encoding, cut, long.MaxValue);
        profile.ObserveAll(parser, options, culture, file, cancel);
        return profile;
    }

    private static CsvProfile? ResultOrNull(Task<CsvProfile> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (IngestException)
        {
            return null;
        }
    }

    private static CsvParser Open(string path, string file, CsvDialect dialect, Encoding encoding, long start, long end)
    {
        var stream = new ByteRangeStream(TextSourceFile.OpenRead(path, file), start, end);
        var reader = TextEncodings.Reader(stream, encoding, BufferChars, out var invalidBytes);
        return new CsvParser(reader, file, dialect, BufferChars, invalidBytes);
    }

    /// <summary>The offset just after the first LF at or after <paramref name="from"/>; the stream's length if there is none.</summary>
    private static long LineStartAfter(Stream stream, long from)
    {
        stream.Position = from;
        var buffer = new byte[1 << 16];
        long at = from;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            int k = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (k >= 0)
                return at + k + 1;
            at += n;
        }
        return at;
    }
}
