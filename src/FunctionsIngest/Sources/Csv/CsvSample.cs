using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// The profile of the first lines (about <see cref="SliceBytes"/>) of five chunks of a file cut by
/// <see cref="CsvSplitScan.TryCut"/>: the first (from the true start: skipped rows, header), and those at a quarter,
/// half, three quarters and the end. A single-pass read takes its types from it. A slice that fails to parse (a cut
/// inside a quoted field) is left out; without the first there is no sample.
/// </summary>
internal static class CsvSample
{
    public const int SliceBytes = 256 << 10;

    public static CsvProfile? TryProfile(string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture, CsvCuts cuts)
    {
        var bounds = cuts.Bounds;
        int chunks = bounds.Count - 1;
        var others = new SortedSet<int> { chunks / 4, chunks / 2, chunks * 3 / 4, chunks - 1 };
        others.Remove(0);
        var sample = new CsvProfile();
        using var first = OpenSlice(0);
        try
        {
            first.SkipLines(options.SkipRows);
            sample.ReadHeader(first, file);
        }
        catch (IngestException)
        {
            return null;
        }
        // The other chunks are profiled on another thread while this one profiles the first.
        var empty = others.Select(chunk => (Chunk: chunk, Profile: sample.Continuation())).ToArray();
        var parts = Task.Run(() => empty.Select(part => TryProfileChunk(part.Profile, part.Chunk)).ToArray());
        try
        {
            sample.ObserveAll(first, options, culture, file, CancellationToken.None);
        }
        catch (IngestException)
        {
            parts.Wait();
            return null;
        }
        foreach (var part in parts.GetAwaiter().GetResult())
        {
            if (part is not null)
                sample.Append(part, 0);
        }
        return sample;

        CsvParser OpenSlice(int chunk)
        {
            long start = bounds[chunk], end = bounds[chunk + 1];
            if (end - start > SliceBytes)
            {
                using var probe = TextSourceFile.OpenRead(path, file);
                end = Math.Min(end, CsvSplitScan.LineStartAfter(probe, start + SliceBytes));
            }
            return CsvSplitScan.Open(path, file, dialect, cuts.Encoding, start, end);
        }

        CsvProfile? TryProfileChunk(CsvProfile part, int chunk)
        {
            try
            {
                using var parser = OpenSlice(chunk);
                part.ObserveAll(parser, options, culture, file, CancellationToken.None);
                return part;
            }
            catch (IngestException)
            {
                return null;
            }
        }
    }
}
