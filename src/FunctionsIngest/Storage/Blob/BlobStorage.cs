using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionsIngest.Data;

namespace FunctionsIngest.Storage.Blob;

/// <summary>
/// <see cref="IFileStorage"/> over one Azure Blob container, optionally confined to a prefix inside it. Reads stream in
/// ranges, writes stage blocks and commit the block list only when the writer succeeds, folder moves are copy-then-delete.
/// </summary>
public sealed partial class BlobStorage : IFileStorage
{
    private readonly BlobContainerClient _container;
    private readonly BlobStorageOptions _options;
    private readonly string _prefix;
    private readonly object _gate = new();
    private Task? _containerReady;

    public BlobStorage(BlobStorageOptions options)
    {
        _options = options;
        _container = BlobClients.CreateContainerClient(options);
        var prefix = string.IsNullOrEmpty(options.Prefix?.Trim('/')) ? "" : BlobPaths.Normalize(options.Prefix.Trim('/'));
        _prefix = prefix.Length == 0 ? "" : prefix + "/";
        var uri = new UriBuilder(_container.Uri) { Query = "", UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path);
        Description = $"blob container {uri.TrimEnd('/')}{(prefix.Length == 0 ? "" : "/" + prefix)}";
    }

    public string Description { get; }

    public bool MovesFoldersAtomically => false;

    /// <summary>The name of the container this storage lives in.</summary>
    public string ContainerName => _container.Name;

    private string BlobName(string relative) => _prefix + relative;

    /// <summary>Creates the container once, on first use, when the options ask for it; a failed attempt is retried next time.</summary>
    private Task EnsureContainerAsync(CancellationToken ct)
    {
        if (!_options.CreateContainer)
            return Task.CompletedTask;
        lock (_gate)
        {
            if (_containerReady is null || _containerReady.IsFaulted || _containerReady.IsCanceled)
                _containerReady = Guard(null, () => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
            return _containerReady.WaitAsync(ct);
        }
    }

    /// <summary>Runs a storage call, turning service and sign-in failures into messages that name this storage and never its keys.</summary>
    private async Task<T> Guard<T>(string? path, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, path);
        }
        catch (AuthenticationFailedException e)
        {
            throw IngestErrors.StorageSignInFailed(Description, _options.CredentialHint, e);
        }
    }

    private Task Guard(string? path, Func<Task> call) => Guard(path, async () => { await call(); return true; });

    private IngestException Translate(RequestFailedException e, string? path) => e.Status switch
    {
        401 or 403 => IngestErrors.StorageAccessDenied(Description, _container.Name, e.Status, _options.CredentialHint),
        404 when e.ErrorCode == BlobErrorCode.ContainerNotFound => IngestErrors.StorageContainerMissing(Description, _container.Name),
        412 when path is not null => IngestErrors.StorageSourceChanged(Description, path),
        _ => IngestErrors.StorageRequestFailed(Description, path, e.Status, e.ErrorCode, e),
    };

    private static bool IsBlobMissing(RequestFailedException e) => e.Status == 404 && e.ErrorCode != BlobErrorCode.ContainerNotFound;
}
