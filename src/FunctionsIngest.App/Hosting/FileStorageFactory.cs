using FunctionsIngest.Storage;
using FunctionsIngest.Storage.Blob;

namespace FunctionsIngest.App.Hosting;

/// <summary>Builds the configured <see cref="IFileStorage"/>; a missing or contradictory setting fails the start with the setting's name.</summary>
public static class FileStorageFactory
{
    public static IFileStorage Create(IngestOptions options)
    {
        var settings = options.Storage;
        switch (settings.Kind.Trim().ToLowerInvariant())
        {
            case StorageSettings.Local:
                return new LocalStorage(options.FilesPath);
            case StorageSettings.Blob:
                if (!string.IsNullOrWhiteSpace(settings.ServiceUri) && !Uri.TryCreate(settings.ServiceUri, UriKind.Absolute, out _))
                    throw new InvalidOperationException($"Ingest:Storage:ServiceUri must be an absolute URL such as https://ACCOUNT.blob.core.windows.net, not '{settings.ServiceUri}'.");
                return new BlobStorage(new BlobStorageOptions
                {
                    ConnectionString = NullIfBlank(settings.ConnectionString),
                    ServiceUri = string.IsNullOrWhiteSpace(settings.ServiceUri) ? null : new Uri(settings.ServiceUri),
                    ManagedIdentityClientId = NullIfBlank(settings.ManagedIdentityClientId),
                    Container = settings.Container,
                    Prefix = NullIfBlank(settings.Prefix),
                    CreateContainer = true,
                    SettingName = "Ingest:Storage",
                });
            default:
                throw new InvalidOperationException($"Ingest:Storage:Kind must be 'local' or 'blob', not '{settings.Kind}'.");
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
