namespace FunctionsIngest.Storage;

/// <summary>
/// Where job sources and datasets live: a local folder or an Azure Blob container. Every path is relative to the
/// storage root, '/'-separated, and checked by <see cref="StoragePaths"/>: no "..", nothing absolute. Folders are
/// path prefixes (blob storage has no real folders); the root folder is "".
/// </summary>
public interface IFileStorage
{
    /// <summary>"local folder /data/files" or "blob container https://acct.blob.core.windows.net/data", for messages and logs.</summary>
    string Description { get; }

    /// <summary>True when <see cref="MoveFolderAsync"/> is one atomic operation (a rename on one file system).</summary>
    bool MovesFoldersAtomically { get; }

    /// <summary>The file's size and last-modified time, or null when there is no such file.</summary>
    Task<StoredFile?> GetFileAsync(string path, CancellationToken ct);

    /// <summary>
    /// Every file under <paramref name="folder"/> ("" = the whole storage), recursively, sorted by path (ordinal).
    /// Entries the storage refuses (a link leaving the root) are left out and reported to <paramref name="onRefused"/>.
    /// </summary>
    Task<IReadOnlyList<StoredFile>> ListFilesAsync(string folder, Action<string>? onRefused, CancellationToken ct);

    /// <summary>A read-only, seekable stream over the file, fetched piece by piece (never buffered whole). Missing => FileNotFound IngestException.</summary>
    Task<Stream> OpenReadAsync(string path, CancellationToken ct);

    /// <summary>
    /// The file as a local path, for readers that need one (zip, two-pass CSV): the file itself for local storage, a
    /// streamed temporary copy (deleted on dispose) for blob storage. Missing => FileNotFound IngestException.
    /// </summary>
    Task<LocalFile> GetLocalFileAsync(string path, CancellationToken ct);

    /// <summary>
    /// Creates or replaces the file with what <paramref name="write"/> writes. All or nothing: the file appears (or changes)
    /// only when <paramref name="write"/> returns; if it throws, the previous state is kept and nothing partial is visible.
    /// </summary>
    Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct);

    /// <summary>Deletes the file; no error when it does not exist.</summary>
    Task DeleteAsync(string path, CancellationToken ct);

    /// <summary>Deletes the folder and everything under it; no error when it does not exist.</summary>
    Task DeleteFolderAsync(string folder, CancellationToken ct);

    /// <summary>Moves one file, replacing the target. Missing source => FileNotFound IngestException.</summary>
    Task MoveFileAsync(string from, string to, CancellationToken ct);

    /// <summary>
    /// Moves every file under <paramref name="from"/> to the same relative place under <paramref name="to"/>, which must not
    /// exist yet. Local: one rename. Blob: server-side copies of all files first, then deletes, so an interrupted move is
    /// finished by running it again (the source stays whole until every copy is done).
    /// </summary>
    Task MoveFolderAsync(string from, string to, CancellationToken ct);
}

/// <summary>A file in storage: its storage-relative path, size in bytes, and last-modified time (UTC).</summary>
public sealed record StoredFile(string Path, long Size, DateTimeOffset Modified);
