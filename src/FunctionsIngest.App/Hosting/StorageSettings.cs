namespace FunctionsIngest.App.Hosting;

/// <summary>
/// The "Ingest:Storage" configuration section: where job sources and datasets live. Secrets (a connection string)
/// come only from configuration or the environment (Ingest__Storage__ConnectionString), never from job definitions.
/// </summary>
public sealed class StorageSettings
{
    public const string Local = "local";
    public const string Blob = "blob";

    /// <summary>"local" (default: the files/ folder of the data directory) or "blob" (an Azure Blob container).</summary>
    public string Kind { get; set; } = Local;

    /// <summary>Blob: a storage connection string (Azurite: "UseDevelopmentStorage=true"). Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob: the account's blob endpoint (https://ACCOUNT.blob.core.windows.net), reached with a managed identity.</summary>
    public string? ServiceUri { get; set; }

    /// <summary>Blob: client id of the user-assigned managed identity; empty = DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Blob: the container holding sources and datasets.</summary>
    public string Container { get; set; } = "data";

    /// <summary>Blob: an optional folder inside the container that all job paths are relative to.</summary>
    public string? Prefix { get; set; }
}
