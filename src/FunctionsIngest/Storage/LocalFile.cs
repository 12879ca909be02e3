namespace FunctionsIngest.Storage;

/// <summary>A stored file available at a local path; disposing removes the path when it is a temporary copy.</summary>
public sealed class LocalFile(string path, bool temporary) : IAsyncDisposable
{
    public string Path { get; } = path;

    public bool IsTemporaryCopy { get; } = temporary;

    public ValueTask DisposeAsync()
    {
        if (IsTemporaryCopy)
        {
            try { File.Delete(Path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ValueTask.CompletedTask;
    }
}
