using FunctionsIngest.Storage;

namespace FunctionsIngest.Jobs.Validation;

/// <summary>Finds a job's first source file in an <see cref="IFileStorage"/> (local folder or blob container).</summary>
public sealed class StorageSourceFileProbe(IFileStorage storage) : ISourceFileProbe
{
    public async Task<SourceSample?> FindFirstAsync(string pathOrPattern, long maxBytes, CancellationToken ct)
    {
        StoredFile? file;
        try
        {
            file = FilePattern.HasWildcard(pathOrPattern)
                ? (await new FilePattern(pathOrPattern).ExpandAsync(storage, null, ct)) is [var first, ..] ? first : null
                : await storage.GetFileAsync(pathOrPattern, ct);
        }
        catch (StoragePathException)
        {
            return null; // the path's own validation reports it
        }
        if (file is null)
            return null;
        if (file.Size <= maxBytes)
        {
            // A local file is used in place; a blob is streamed into a temporary copy.
            var local = await storage.GetLocalFileAsync(file.Path, ct);
            return new SourceSample(file.Path, local.Path, file.Size, isComplete: true, deleteOnDispose: local.IsTemporaryCopy);
        }
        var copy = Path.Combine(Path.GetTempPath(), $"fi-probe-{Guid.NewGuid():N}{Path.GetExtension(file.Path)}");
        var buffer = new byte[maxBytes];
        await using (var input = await storage.OpenReadAsync(file.Path, ct))
        {
            int read = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            await File.WriteAllBytesAsync(copy, buffer.AsMemory(0, read), ct);
        }
        return new SourceSample(file.Path, copy, file.Size, isComplete: false, deleteOnDispose: true);
    }
}
