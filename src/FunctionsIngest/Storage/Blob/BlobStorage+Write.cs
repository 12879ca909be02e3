using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace FunctionsIngest.Storage.Blob;

public sealed partial class BlobStorage
{
    private const int ParallelRequests = 8;

    /// <summary>Block size and uploads in flight of <see cref="WriteAsync"/>; a test seam for the boundaries and the measurement.</summary>
    internal (int BlockSize, int MaxInFlight) UploadShape { get; set; } = (BlockUploadStream.DefaultBlockSize, 2);

    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(path);
        await EnsureContainerAsync(ct);
        var upload = new BlockUploadStream(_container.GetBlockBlobClient(BlobName(relative)), ct, UploadShape.BlockSize, UploadShape.MaxInFlight);
        var committed = false;
        try
        {
            await Guard(path, async () =>
            {
                await write(upload, ct);
                await upload.CommitAsync(ct);
            });
            committed = true;
        }
        finally
        {
            if (!committed)
                await upload.AbandonAsync();
        }
    }

    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(path);
        await EnsureContainerAsync(ct);
        await Guard(path, () => _container.GetBlobClient(BlobName(relative)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct));
    }

    public async Task DeleteFolderAsync(string folder, CancellationToken ct)
    {
        var relative = BlobPaths.Normalize(folder);
        await EnsureContainerAsync(ct);
        await Guard(folder, async () =>
        {
            var names = await ListNamesAsync(relative, ct);
            await Parallel.ForEachAsync(names, Parallelism(ct), async (name, token) =>
                await _container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: token));
        });
    }

    /// <summary>Every blob name under <paramref name="folder"/>, including names a caller could not address (a folder delete or move takes them too).</summary>
    private async Task<List<string>> ListNamesAsync(string folder, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(prefix: ListPrefix(folder), cancellationToken: ct))
            names.Add(item.Name);
        return names;
    }

    private static ParallelOptions Parallelism(CancellationToken ct) => new() { MaxDegreeOfParallelism = ParallelRequests, CancellationToken = ct };
}
