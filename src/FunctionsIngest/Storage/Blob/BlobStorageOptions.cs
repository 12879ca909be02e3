using System.Text.RegularExpressions;

namespace FunctionsIngest.Storage.Blob;

/// <summary>
/// Where a <see cref="BlobStorage"/> lives: <see cref="ConnectionString"/> (Azurite, local development, shared keys), which
/// takes precedence, or <see cref="ServiceUri"/> with a managed identity (<see cref="ManagedIdentityClientId"/>, else DefaultAzureCredential).
/// </summary>
public sealed partial record BlobStorageOptions
{
    /// <summary>A storage connection string; "UseDevelopmentStorage=true" means Azurite on its default ports.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The blob service endpoint, e.g. https://acct.blob.core.windows.net, used with a token credential.</summary>
    public Uri? ServiceUri { get; init; }

    /// <summary>Client id of a user-assigned managed identity; null uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; init; }

    public required string Container { get; init; }

    /// <summary>A folder inside the container that this storage is confined to ("" or null = the whole container).</summary>
    public string? Prefix { get; init; }

    /// <summary>Create the container on first use when it does not exist.</summary>
    public bool CreateContainer { get; init; }

    /// <summary>The configuration section these options came from, named in error messages (e.g. "Storage:Datasets").</summary>
    public string SettingName { get; init; } = "BlobStorage";

    /// <summary>Why these options cannot work, or null if they can. Never quotes the connection string.</summary>
    public string? Validate()
    {
        var hasConnection = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasConnection && ServiceUri is null)
            return "set ConnectionString or ServiceUri";
        if (!hasConnection && !ServiceUri!.IsAbsoluteUri)
            return "ServiceUri must be an absolute URI such as https://account.blob.core.windows.net";
        if (!ContainerName().IsMatch(Container ?? ""))
            return $"the container name '{Container}' is invalid: use 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit";
        if (!string.IsNullOrEmpty(Prefix?.Trim('/')) && StoragePaths.Validate(Prefix.Trim('/')) is { } problem)
            return $"the prefix '{Prefix}' is invalid: {problem}";
        return null;
    }

    /// <summary>What an administrator should check when the service refuses these credentials.</summary>
    internal string CredentialHint =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? $"the account name and key in {SettingName}:ConnectionString"
        : !string.IsNullOrEmpty(ManagedIdentityClientId)
            ? $"that the managed identity {ManagedIdentityClientId} ({SettingName}:ManagedIdentityClientId) holds the Storage Blob Data Contributor role on the account or container, and {SettingName}:ServiceUri"
            : $"that the identity found by DefaultAzureCredential holds the Storage Blob Data Contributor role, or set {SettingName}:ManagedIdentityClientId, and {SettingName}:ServiceUri";

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$")]
    private static partial Regex ContainerName();
}
