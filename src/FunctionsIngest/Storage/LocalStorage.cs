using FunctionsIngest.Data;

namespace FunctionsIngest.Storage;

/// <summary>
/// A local folder that job paths are confined to: relative paths only, no "..", and no symbolic
/// link (file or folder) whose target lies outside the root.
/// </summary>
public sealed class LocalStorage : IFileStorage
{
    public LocalStorage(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        // The root itself may be a link (e.g. /tmp on some systems); confinement is judged against its real path.
        RealRoot = RealPath(Root);
    }

    public string Root { get; }

    public string Description => $"local folder {Root}";

    public bool MovesFoldersAtomically => true;

    private string RealRoot { get; }

    /// <summary>The absolute path of <paramref name="relativePath"/> under the root, or a <see cref="StoragePathException"/>.</summary>
    public string Resolve(string relativePath)
    {
        var problem = StoragePaths.Validate(relativePath);
        if (problem is not null)
            throw new StoragePathException(relativePath, problem);
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.Replace('\\', '/')));
        if (!IsInside(full, Root))
            throw new StoragePathException(relativePath, "it leaves the storage root");
        if (!IsInside(RealPath(full), RealRoot))
            throw new StoragePathException(relativePath, "it goes through a symbolic link that leaves the storage root");
        return full;
    }

    /// <summary>The path of <paramref name="fullPath"/> relative to the root, with '/' separators.</summary>
    public string ToRelative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    public Task<StoredFile?> GetFileAsync(string path, CancellationToken ct)
    {
        var info = new FileInfo(Resolve(path));
        return Task.FromResult(info.Exists ? ToStored(path, info) : null);
    }

    public Task<IReadOnlyList<StoredFile>> ListFilesAsync(string folder, Action<string>? onRefused, CancellationToken ct)
    {
        var full = folder.Length == 0 ? Root : Resolve(folder);
        var files = new List<StoredFile>();
        if (Directory.Exists(full))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            foreach (var file in new DirectoryInfo(full).EnumerateFiles("*", options))
            {
                ct.ThrowIfCancellationRequested();
                var relative = ToRelative(file.FullName);
                try
                {
                    Resolve(relative);
                    files.Add(ToStored(relative, file));
                }
                catch (StoragePathException ex)
                {
                    onRefused?.Invoke(ex.Message);
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return Task.FromResult<IReadOnlyList<StoredFile>>(files);
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct)
    {
        var full = ExistingFile(path);
        return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous));
    }

    public Task<LocalFile> GetLocalFileAsync(string path, CancellationToken ct) =>
        Task.FromResult(new LocalFile(ExistingFile(path), temporary: false));

    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        await AtomicFile.WriteAsync(Resolve(path), write, ct);
    }

    public Task DeleteAsync(string path, CancellationToken ct)
    {
        try
        {
            File.Delete(Resolve(path));
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    public Task DeleteFolderAsync(string folder, CancellationToken ct)
    {
        var full = Resolve(folder);
        try
        {
            Directory.Delete(full, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        PruneEmptyHiddenParent(full);
        return Task.CompletedTask;
    }

    public Task MoveFileAsync(string from, string to, CancellationToken ct)
    {
        var source = ExistingFile(from);
        var target = Resolve(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task MoveFolderAsync(string from, string to, CancellationToken ct)
    {
        var source = Resolve(from);
        var target = Resolve(to);
        if (!Directory.Exists(source))
            throw IngestErrors.FileNotFound(from);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(source, target);
        PruneEmptyHiddenParent(source);
        return Task.CompletedTask;
    }

    private string ExistingFile(string path)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
            throw IngestErrors.FileNotFound(path);
        return full;
    }

    /// <summary>
    /// Removes the parent of a deleted or moved folder when it is a hidden product folder (".NAME.staging") left empty.
    /// Other runs stage and clean up concurrently: the folder may vanish or refill at any moment.
    /// </summary>
    private void PruneEmptyHiddenParent(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || parent.Length <= Root.Length || !Path.GetFileName(parent).StartsWith('.'))
            return;
        try
        {
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
                Directory.Delete(parent);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Not empty any more: another run is staging.
        }
    }

    private static StoredFile ToStored(string path, FileInfo info) =>
        new(path.Replace('\\', '/'), info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Resolves every symbolic link along the existing part of <paramref name="path"/>.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
                return Path.Combine([next, .. parts[(i + 1)..]]);
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException) when (!Path.Exists(next))
            {
                // Removed in between (another run's staging clean-up): what does not exist links nowhere.
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }
            current = target is null ? next : Path.GetFullPath(target.FullName);
        }
        return current;
    }
}
