using FunctionsIngest.Data;
using FunctionsIngest.Sources;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Jobs.Validation;

/// <summary>What save-time validation learns of a source's columns, and why it is less than everything when it is.</summary>
internal sealed record ProbedInput(TransformInput Input, string? Limitation, string? ReadError);

/// <summary>
/// Derives the transforms' input at save time with bounded work: a first file up to <see cref="FullReadBytes"/> is read
/// through <see cref="TableSources"/> (exact names and types); a larger CSV or NDJSON file gives its names from the first
/// <see cref="FullReadBytes"/> bytes (types then come from the declared schema only); otherwise the declared schema is all.
/// </summary>
internal static class SourceInputProbe
{
    public const long FullReadBytes = 8 << 20;

    public static async Task<ProbedInput> ProbeAsync(SourceDefinition source, ISourceFileProbe files, CancellationToken ct)
    {
        using var sample = await files.FindFirstAsync(source.Path, FullReadBytes, ct);
        if (sample is null)
            return new(Declared(source), $"No file matches '{source.Path}' yet.", null);
        if (sample.IsComplete)
        {
            try
            {
                using var opened = TableSources.Open(source, sample.LocalPath, sample.RelativePath);
                return new(TransformInput.Exactly(opened.Reader.Schema), null, null);
            }
            catch (IngestException ex)
            {
                return new(Declared(source), null, $"'{sample.RelativePath}', the first file matching the path, cannot be read with these settings: {ex.Message}");
            }
        }
        var tooLarge = $"'{sample.RelativePath}' is too large to read at save time ({sample.Size / (1 << 20)} MB).";
        if (!CanReadPrefix(source, sample))
            return new(Declared(source), tooLarge, null);
        EndAtLastLine(sample.LocalPath);
        try
        {
            using var opened = TableSources.Open(source, sample.LocalPath, sample.RelativePath);
            var declared = source.Schema ?? [];
            var columns = opened.Reader.Schema.Columns.Select(c => new TransformInputColumn(c.Name,
                declared.FirstOrDefault(d => string.Equals(d.Name, c.Name, StringComparison.OrdinalIgnoreCase))?.Type)).ToArray();
            return new(new TransformInput(columns, false), tooLarge, null);
        }
        catch (IngestException)
        {
            return new(Declared(source), tooLarge, null); // the cut may fall inside a quoted field; the run reads the whole file
        }
    }

    /// <summary>The declared schema's columns, typed; the source may have others.</summary>
    private static TransformInput Declared(SourceDefinition source) =>
        new((source.Schema ?? []).Where(c => c is not null).Select(c => new TransformInputColumn(c.Name, c.Type)).ToArray(), true);

    private static bool CanReadPrefix(SourceDefinition source, SourceSample sample) =>
        source.Type == SourceTypes.Csv || (source.Type == SourceTypes.Json && TableSources.JsonLayoutOf(source.Layout) switch
        {
            Sources.Json.JsonLayout.Lines => true,
            Sources.Json.JsonLayout.Array => false,
            _ => FirstByte(sample.LocalPath) != '[',
        });

    private static int FirstByte(string path)
    {
        using var stream = File.OpenRead(path);
        int b;
        while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }
        return b;
    }

    /// <summary>Cuts a prefix copy after its last line feed, so no record is cut in the middle.</summary>
    private static void EndAtLastLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        int last = Array.LastIndexOf(bytes, (byte)'\n');
        if (last >= 0)
            stream.SetLength(last + 1);
    }
}
