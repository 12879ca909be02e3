namespace FunctionsIngest.Storage;

/// <summary>A path in a job definition that is not allowed (absolute, "..", or escaping the root).</summary>
public sealed class StoragePathException(string path, string reason)
    : Exception($"Path '{path}' is not allowed: {reason}.")
{
    public string PathValue { get; } = path;
}
