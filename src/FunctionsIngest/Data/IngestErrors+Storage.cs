namespace FunctionsIngest.Data;

// Wording for storage failures (Storage/Blob). Never include connection strings, keys or service error details
// that quote the request signature.
public static partial class IngestErrors
{
    public static IngestException StorageAccessDenied(string storage, string container, int status, string check) =>
        new($"Access to {storage} was refused (HTTP {status}): the credentials cannot use container '{container}'. Check {check}.");

    public static IngestException StorageSignInFailed(string storage, string check, Exception inner) =>
        new($"Could not sign in to {storage}: {inner.GetType().Name}. Check {check}.", inner);

    public static IngestException StorageContainerMissing(string storage, string container) =>
        new($"Container '{container}' of {storage} does not exist; create it, or enable CreateContainer for this storage.");

    public static IngestException StorageBadSettings(string setting, string reason) =>
        new($"The blob storage settings ({setting}) are invalid: {reason}.");

    public static IngestException StorageRequestFailed(string storage, string? path, int status, string? code, Exception inner) =>
        new($"{storage}{(path is null ? "" : $", '{path}'")}: the storage request failed (HTTP {status}{(code is null ? "" : ", " + code)}).", inner)
        {
            File = path,
            IsTransient = status is 0 or 408 or 429 or >= 500,
        };

    public static IngestException StorageCopyFailed(string storage, string from, string to, string status) =>
        new($"{storage}: copying '{from}' to '{to}' ended with status {status}; the source was left in place.") { File = from, IsTransient = true };

    public static IngestException StorageSourceChanged(string storage, string from) =>
        new($"{storage}: '{from}' changed while it was being moved; the copy was kept and the source left in place.") { File = from, IsTransient = true };
}
