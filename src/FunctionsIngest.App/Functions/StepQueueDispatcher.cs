using System.Text.Json;
using Azure.Identity;
using Azure.Storage.Queues;
using FunctionsIngest.App.Hosting;
using FunctionsIngest.Runs;

namespace FunctionsIngest.App.Functions;

/// <summary>
/// In Functions mode, sends a new run's first wake-up to the step queue, so a manual start runs at once instead of at
/// the next timer tick. Plain JSON text, matching host.json's queues.messageEncoding "none". Does nothing in
/// standalone mode (the in-process workers are woken directly) or when the host's storage is not configured.
/// </summary>
public sealed class StepQueueDispatcher(IConfiguration configuration) : IRunDispatcher
{
    private readonly Lazy<QueueClient?> _queue = new(() => FunctionsMode.Port(configuration) is null ? null : CreateQueue(configuration));
    private bool _queueExists;

    public async Task RunCreatedAsync(string runId, CancellationToken ct)
    {
        if (_queue.Value is not { } queue)
            return;
        // The host creates the queue when it starts listening; a run started before that must not be lost.
        if (!_queueExists)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            _queueExists = true;
        }
        await queue.SendMessageAsync(JsonSerializer.Serialize(new StepMessage(runId), AppJsonContext.Default.StepMessage), ct);
    }

    /// <summary>
    /// The step queue on the host's own storage: the AzureWebJobsStorage connection string, or its identity-based form
    /// (AzureWebJobsStorage__queueServiceUri or __accountName, with __clientId for a user-assigned identity); null when
    /// neither is set (then the timer tick's wake-ups start new runs).
    /// </summary>
    public static QueueClient? CreateQueue(IConfiguration configuration)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        if (configuration["AzureWebJobsStorage"] is { Length: > 0 } connectionString)
            return new QueueClient(connectionString, FunctionsMode.StepQueue, options);
        var serviceUri = configuration["AzureWebJobsStorage:queueServiceUri"] is { Length: > 0 } uri
            ? new Uri(uri)
            : configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account
                ? new Uri($"https://{account}.queue.core.windows.net")
                : null;
        if (serviceUri is null)
            return null;
        var clientId = configuration["AzureWebJobsStorage:clientId"];
        var credential = string.IsNullOrEmpty(clientId) ? (Azure.Core.TokenCredential)new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new QueueClient(new Uri(serviceUri, FunctionsMode.StepQueue), credential, options);
    }
}
