using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsIngest.Data;

namespace FunctionsIngest.Storage.Blob;

public sealed partial class BlobStorage
{
    public async Task MoveFileAsync(string from, string to, CancellationToken ct)
    {
        var source = BlobPaths.Normalize(from);
        var target = BlobPaths.Normalize(to);
        await EnsureContainerAsync(ct);
        if (source == target)
        {
            if (await GetFileAsync(source, ct) is null)
                throw IngestErrors.FileNotFound(from);
            return;
        }
        await Guard(from, async () =>
        {
            var etag = await CopyAsync(BlobName(source), BlobName(target), from, ct);
            await DeleteCopiedAsync(BlobName(source), etag, ct);
        });
    }

    public async Task MoveFolderAsync(string from, string to, CancellationToken ct)
    {
        var source = BlobPaths.Normalize(from);
        var target = BlobPaths.Normalize(to);
        if (BlobPaths.Overlap(source, target))
            throw new StoragePathException(to, $"a folder cannot be moved onto or into itself ('{from}')");
        await EnsureContainerAsync(ct);
        await Guard(from, async () =>
        {
            var names = await ListNamesAsync(source, ct);
            var targetPrefix = ListPrefix(target);
            var copied = new (string Name, ETag ETag)[names.Count];
            // All copies before any delete: an interrupted move leaves the source whole, and running it again finishes it.
            await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), Parallelism(ct), async (i, token) =>
            {
                var name = names[i];
                var etag = await CopyAsync(name, targetPrefix + name[ListPrefix(source).Length..], name[_prefix.Length..], token);
                copied[i] = (name, etag);
            });
            await Parallel.ForEachAsync(copied, Parallelism(ct), async (item, token) => await DeleteCopiedAsync(item.Name, item.ETag, token));
        });
    }

    /// <summary>Server-side copy of one blob, waited for and checked; returns the ETag of the source version copied.</summary>
    private async Task<ETag> CopyAsync(string sourceName, string targetName, string sourcePath, CancellationToken ct)
    {
        var source = _container.GetBlobClient(sourceName);
        var target = _container.GetBlobClient(targetName);
        BlobProperties properties;
        try
        {
            properties = (await source.GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (IsBlobMissing(e))
        {
            throw IngestErrors.FileNotFound(sourcePath);
        }
        var options = new BlobCopyFromUriOptions { SourceConditions = new BlobRequestConditions { IfMatch = properties.ETag } };
        var copy = await target.StartCopyFromUriAsync(source.Uri, options, ct);
        await copy.WaitForCompletionAsync(ct);
        var result = (await target.GetPropertiesAsync(cancellationToken: ct)).Value;
        if (result.CopyStatus != CopyStatus.Success)
            throw IngestErrors.StorageCopyFailed(Description, sourcePath, targetName[_prefix.Length..], $"{result.CopyStatus} {result.CopyStatusDescription}".Trim());
        return properties.ETag;
    }

    /// <summary>Deletes the source of a finished copy, unless it changed since (then the copy is stale and the move fails).</summary>
    private async Task DeleteCopiedAsync(string name, ETag etag, CancellationToken ct)
    {
        var conditions = new BlobRequestConditions { IfMatch = etag };
        await _container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, ct);
    }
}
