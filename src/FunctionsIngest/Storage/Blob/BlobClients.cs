using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using FunctionsIngest.Data;

namespace FunctionsIngest.Storage.Blob;

/// <summary>Builds the container client for <see cref="BlobStorageOptions"/>, with the retry policy for transient errors.</summary>
internal static class BlobClients
{
    public static BlobContainerClient CreateContainerClient(BlobStorageOptions options)
    {
        if (options.Validate() is { } problem)
            throw IngestErrors.StorageBadSettings(options.SettingName, problem);
        var clientOptions = CreateClientOptions();
        BlobServiceClient service;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                service = new BlobServiceClient(options.ConnectionString, clientOptions);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // The parser's message may quote the connection string (and its key): name only the exception type.
                throw IngestErrors.StorageBadSettings($"{options.SettingName}:ConnectionString", $"the connection string cannot be parsed ({e.GetType().Name})");
            }
        }
        else
        {
            TokenCredential credential = string.IsNullOrEmpty(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            service = new BlobServiceClient(options.ServiceUri, credential, clientOptions);
        }
        return service.GetBlobContainerClient(options.Container);
    }

    /// <summary>
    /// Exponential back-off, 6 attempts over roughly half a minute: rides out throttling (503/500 "server busy") and
    /// brief network loss; the run engine's own retry handles longer outages (errors are marked transient).
    /// </summary>
    private static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromSeconds(0.8);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(15);
        // Per try: an 8 MiB block upload on a slow link must fit.
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }
}
