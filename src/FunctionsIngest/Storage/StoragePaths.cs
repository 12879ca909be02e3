namespace FunctionsIngest.Storage;

/// <summary>Syntactic rules for the relative paths users put in job definitions.</summary>
public static class StoragePaths
{
    /// <summary>Why <paramref name="path"/> is not an acceptable relative path, or null if it is.</summary>
    public static string? Validate(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "it is empty";
        if (path.Contains('\0', StringComparison.Ordinal))
            return "it contains a NUL character";
        var normalised = path.Replace('\\', '/');
        if (normalised.StartsWith('/') || Path.IsPathRooted(path) || (normalised.Length >= 2 && normalised[1] == ':'))
            return "it must be relative to the storage root, not absolute";
        if (normalised.Split('/').Any(segment => segment == ".."))
            return "it must not contain '..'";
        return null;
    }
}
