namespace FunctionsIngest.Jobs.Validation;

/// <summary>
/// How save-time validation looks at a job's input: the first file matching the source path, as a local file holding
/// at most <c>maxBytes</c> of it. The only place validation touches storage, so a new storage needs one new implementation.
/// </summary>
public interface ISourceFileProbe
{
    /// <summary>The first matching file (ordinal order of paths), or null when none exists yet. Dispose the sample.</summary>
    Task<SourceSample?> FindFirstAsync(string pathOrPattern, long maxBytes, CancellationToken ct);
}

/// <summary>
/// A local copy of a source file, or of its first bytes when <see cref="IsComplete"/> is false. <see cref="RelativePath"/>
/// names the file in messages; a temporary copy is deleted on dispose.
/// </summary>
public sealed class SourceSample(string relativePath, string localPath, long size, bool isComplete, bool deleteOnDispose) : IDisposable
{
    public string RelativePath { get; } = relativePath;
    public string LocalPath { get; } = localPath;
    /// <summary>The size of the whole file in bytes.</summary>
    public long Size { get; } = size;
    public bool IsComplete { get; } = isComplete;

    public void Dispose()
    {
        if (!deleteOnDispose)
            return;
        try
        {
            File.Delete(LocalPath);
        }
        catch (IOException)
        {
        }
    }
}
