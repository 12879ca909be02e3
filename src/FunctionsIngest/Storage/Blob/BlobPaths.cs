namespace FunctionsIngest.Storage.Blob;

/// <summary>Storage paths as blob names: validated, '/'-separated, without empty or "." segments.</summary>
internal static class BlobPaths
{
    /// <summary>The canonical form of a file path, or a <see cref="StoragePathException"/>.</summary>
    public static string Normalize(string path)
    {
        if (StoragePaths.Validate(path) is { } problem)
            throw new StoragePathException(path, problem);
        var canonical = Canonical(path);
        return canonical.Length > 0 ? canonical : throw new StoragePathException(path, "it names the storage root, not a file or folder");
    }

    /// <summary>The canonical form of a folder path; "" (or null) is the root.</summary>
    public static string NormalizeFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder))
            return "";
        if (StoragePaths.Validate(folder) is { } problem)
            throw new StoragePathException(folder, problem);
        return Canonical(folder);
    }

    /// <summary>True when <paramref name="relative"/> is a name a caller could address: listing leaves out the others.</summary>
    public static bool IsAddressable(string relative) =>
        StoragePaths.Validate(relative) is null && Canonical(relative) == relative;

    private static string Canonical(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != "."));

    /// <summary>True when one folder is the other or lies inside it.</summary>
    public static bool Overlap(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
}
