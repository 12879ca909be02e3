namespace FunctionsIngest.Storage;

/// <summary>
/// Writes a local file through a temporary sibling renamed into place when complete, so a failure (or a kill) never
/// leaves a partial file under the final name. The temporary name starts with '.', which listings of sources skip.
/// A write first deletes the temporary siblings that earlier writes of the same path left when their process was
/// killed, so a retried write leaves no stray file (a write of the same path running at that moment then fails).
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path);
        DeleteLeftovers(directory, name);
        var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = Create(temp))
            {
                await write(stream, ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Deletes ".{name}.{32 hex digits}.tmp" in the folder: temporary files of earlier writes of this name.</summary>
    private static void DeleteLeftovers(string directory, string name)
    {
        var prefix = "." + name + ".";
        const int GuidDigits = 32;
        foreach (var file in FilesOrNone(directory, ".*.tmp"))
        {
            var candidate = Path.GetFileName(file.AsSpan());
            if (candidate.Length != prefix.Length + GuidDigits + ".tmp".Length || !candidate.StartsWith(prefix, StringComparison.Ordinal)
                || !Guid.TryParseExact(candidate.Slice(prefix.Length, GuidDigits), "N", out _))
                continue;
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The folder's files matching <paramref name="pattern"/>; none when the folder is missing or a clean-up removes it meanwhile.</summary>
    private static List<string> FilesOrNone(string directory, string pattern)
    {
        try
        {
            return Directory.EnumerateFiles(directory, pattern).ToList();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Creates the file and its folder; retried because a concurrent clean-up may remove an empty parent folder in between.</summary>
    private static FileStream Create(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Creating "a/b" makes "a", then "b": a clean-up can remove "a" in between, failing the second step.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
            }
        }
    }
}
