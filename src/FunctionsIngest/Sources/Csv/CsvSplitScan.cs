using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Pass 1 on all cores: the file is cut after line feeds into chunks that are profiled at once. The cuts are checked,
/// not guessed: chunk 0 is parsed from the true start, and each chunk is parsed up to the next cut, so a cut inside a
/// quoted field makes the chunk before it end inside the quotes and fail; then, or on any other error, the caller
/// scans the whole file in one pass (which also gives every error its exact line). Only for encodings in which byte
/// 0x0A is always a whole LF character (UTF-8, Windows-1252). The proven cuts are kept for pass 2.
/// </summary>
internal static class CsvSplitScan
{
    private const int BufferChars = 1 << 16;
    private const int MaxChunks = 4096;

    /// <summary>The profile and the cuts, or null when the file is not split (small, one core, no header, other encoding) or a chunk failed.</summary>
    public static (CsvProfile Profile, CsvChunkPlan Plan)? TryScan(string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture)
    {
        if (TryCut(path, file, options) is not { } cuts)
            return null;
        // Every cut must fall between records: with many quoted line breaks, one of many cuts likely does not, so
        // two halves get a second chance.
        return Scan(path, file, options, dialect, culture, cuts.Encoding, cuts.Bounds)
            ?? (cuts.Halves.Count < cuts.Bounds.Count ? Scan(path, file, options, dialect, culture, cuts.Encoding, cuts.Halves) : null);
    }

    /// <summary>
    /// Where the file may be cut (unproven: a cut may fall inside a quoted field): the bounds of many chunks and of two
    /// halves; null when the file is not split (small, one core, no header, other encoding).
    /// </summary>
    public static CsvCuts? TryCut(string path, string file, CsvReadOptions options)
    {
        if (!options.HasHeader || Environment.ProcessorCount < 2)
            return null;
        var named = TextEncodings.Resolve(options.Encoding, file);
        using var probe = TextSourceFile.OpenRead(path, file);
        long length = probe.Length;
        if (length < options.SplitScanMinBytes)
            return null;
        var (encoding, skip) = TextEncodings.Detect(probe, named, file);
        if (encoding.CodePage is not (65001 or 1252))
            return null;
        var bounds = Cuts(probe, skip, Math.Max(options.SplitChunkBytes, length / MaxChunks));
        return bounds.Count < 3 ? null : new CsvCuts(encoding, bounds, Cuts(probe, skip, Math.Max(1, (length - skip) / 2)));
    }

    /// <summary>skip, the line starts after skip + step, skip + 2 step, ..., the length; at least 3 bounds or none.</summary>
    private static List<long> Cuts(Stream probe, long skip, long step)
    {
        long length = probe.Length;
        var bounds = new List<long> { skip };
        for (long at = skip + step; at < length; at = Math.Max(at + step, bounds[^1] + 1))
        {
            long cut = LineStartAfter(probe, at);
            if (cut >= length)
                break;
            bounds.Add(cut);
        }
        bounds.Add(length);
        return bounds.Count < 3 ? [] : bounds;
    }

    private static (CsvProfile Profile, CsvChunkPlan Plan)? Scan(string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture, Encoding encoding, IReadOnlyList<long> bounds)
    {
        if (bounds.Count < 3)
            return null;
        int chunks = bounds.Count - 1;
        var profiles = new CsvProfile[chunks];
        var lines = new long[chunks];
        var first = Open(path, file, dialect, encoding, bounds[0], bounds[1]);
        try
        {
            first.SkipLines(options.SkipRows);
            profiles[0] = new CsvProfile();
            profiles[0].ReadHeader(first, file);
            for (int i = 1; i < chunks; i++)
                profiles[i] = profiles[0].Continuation();
            var header = profiles[0];
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
            {
                if (state.ShouldExitCurrentIteration)
                    return;
                try
                {
                    lines[i] = i == 0 ? Observe(header, first, options, culture, file) : ScanChunk(profiles[i], i, path, file, options, dialect, culture, encoding, bounds);
                }
                catch (IngestException)
                {
                    state.Stop();
                    throw;
                }
            });
        }
        catch (IngestException)
        {
            return null; // the header: the one-pass scan reports it with its line
        }
        catch (AggregateException ex)
        {
            if (ex.InnerExceptions.FirstOrDefault(e => e is not IngestException) is { } other)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(other);
            return null;
        }
        finally
        {
            first.Dispose();
        }
        var parts = new CsvChunk[chunks];
        long firstLine = 1;
        for (int i = 0; i < chunks; i++)
        {
            parts[i] = new CsvChunk(bounds[i], bounds[i + 1], firstLine);
            if (i > 0)
                profiles[0].Append(profiles[i], firstLine - 1);
            firstLine += lines[i];
        }
        return (profiles[0], new CsvChunkPlan(encoding, parts));
    }

    private static long ScanChunk(CsvProfile profile, int i, string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture, Encoding encoding, IReadOnlyList<long> bounds)
    {
        using var parser = Open(path, file, dialect, encoding, bounds[i], bounds[i + 1]);
        return Observe(profile, parser, options, culture, file);
    }

    /// <summary>Profiles the rest of the chunk; returns the lines it spans.</summary>
    private static long Observe(CsvProfile profile, CsvParser parser, CsvReadOptions options, CultureInfo culture, string file)
    {
        profile.ObserveAll(parser, options, culture, file, CancellationToken.None);
        return parser.NextLine - 1;
    }

    /// <summary>A parser over bytes [start, end) of the file, numbering lines from <paramref name="firstLine"/>.</summary>
    public static CsvParser Open(string path, string file, CsvDialect dialect, Encoding encoding, long start, long end, long firstLine = 1)
    {
        var stream = new ByteRangeStream(TextSourceFile.OpenRead(path, file), start, end);
        var reader = TextEncodings.Reader(stream, encoding, BufferChars, out var invalidBytes);
        return new CsvParser(reader, file, dialect, BufferChars, invalidBytes, firstLine);
    }

    /// <summary>The offset just after the first LF at or after <paramref name="from"/>; the stream's length if there is none.</summary>
    public static long LineStartAfter(Stream stream, long from)
    {
        stream.Position = from;
        Span<byte> buffer = stackalloc byte[1 << 12]; // lines are short: most cuts read one small block
        long at = from;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            int k = buffer[..n].IndexOf((byte)'\n');
            if (k >= 0)
                return at + k + 1;
            at += n;
        }
        return at;
    }
}
