using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsIngest.Data;

namespace FunctionsIngest.Storage.Blob;

public sealed partial class BlobStorage
{
    private const int ReadBufferSize = 4 * 1024 * 1024;

    public async Task<StoredFile?> GetFileAsync(string path, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(path);
        await EnsureContainerAsync(ct);
        return await Guard(path, async () =>
        {
            try
            {
                var properties = (await _container.GetBlobClient(BlobName(relative)).GetPropertiesAsync(cancellationToken: ct)).Value;
                return new StoredFile(relative, properties.ContentLength, properties.LastModified);
            }
            catch (RequestFailedException e) when (IsBlobMissing(e))
            {
                return (StoredFile?)null;
            }
        });
    }

    public async Task<IReadOnlyList<StoredFile>> ListFilesAsync(string folder, Action<string>? onRefused, CancellationToken ct)
    {
        var relative = BlobPaths.NormalizeFolder(folder);
        await EnsureContainerAsync(ct);
        var files = new List<StoredFile>();
        await Guard(folder, async () =>
        {
            await foreach (var item in _container.GetBlobsAsync(prefix: ListPrefix(relative), cancellationToken: ct))
            {
                var name = item.Name[_prefix.Length..];
                if (BlobPaths.IsAddressable(name))
                    files.Add(new StoredFile(name, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue));
                else
                    onRefused?.Invoke(name);
            }
        });
        // The service lists in UTF-8 byte order, which differs from UTF-16 ordinal order beyond the BMP.
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(path);
        await EnsureContainerAsync(ct);
        return await Guard(path, async () =>
        {
            try
            {
                var options = new BlobOpenReadOptions(allowModifications: false) { BufferSize = ReadBufferSize };
                return await _container.GetBlobClient(BlobName(relative)).OpenReadAsync(options, ct);
            }
            catch (RequestFailedException e) when (IsBlobMissing(e))
            {
                throw IngestErrors.FileNotFound(path);
            }
        });
    }

    public async Task<LocalFile> GetLocalFileAsync(string path, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(path);
        await EnsureContainerAsync(ct);
        var folder = Path.Combine(Path.GetTempPath(), "functionsingest-blob");
        Directory.CreateDirectory(folder);
        var extension = Path.GetExtension(relative);
        var temp = Path.Combine(folder, Guid.NewGuid().ToString("N") + (extension.Length <= 16 ? extension : ""));
        try
        {
            await Guard(path, async () =>
            {
                try
                {
                    await _container.GetBlobClient(BlobName(relative)).DownloadToAsync(temp, ct);
                }
                catch (RequestFailedException e) when (IsBlobMissing(e))
                {
                    throw IngestErrors.FileNotFound(path);
                }
            });
            return new LocalFile(temp, temporary: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The blob-name prefix of everything under <paramref name="folder"/> ("" = the storage root).</summary>
    private string ListPrefix(string folder) => folder.Length == 0 ? _prefix : _prefix + folder + "/";
}
