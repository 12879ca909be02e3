namespace FunctionsIngest.Storage;

/// <summary>
/// A local folder that job paths are confined to: relative paths only, no "..", and no symbolic
/// link (file or folder) whose target lies outside the root.
/// </summary>
public sealed class LocalStorage
{
    public LocalStorage(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        // The root itself may be a link (e.g. /tmp on some systems); confinement is judged against its real path.
        RealRoot = RealPath(Root);
    }

    public string Root { get; }

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
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            current = target is null ? next : Path.GetFullPath(target.FullName);
        }
        return current;
    }
}
