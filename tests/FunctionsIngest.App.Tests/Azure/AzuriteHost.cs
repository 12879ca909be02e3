using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FunctionsIngest.App.Functions;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Azure;

/// <summary>
/// The app configured as it runs in Azure, against a real Azurite: sources and datasets in a blob container of its own,
/// and (in Functions mode) the host's step queue. <see cref="DrainStepQueueAsync"/> plays the Functions host's part:
/// it receives each queue message, invokes POST /RunStep with the host's payload, and enqueues the "next" outputs.
/// </summary>
public sealed class AzuriteHost : IDisposable
{
    public AzuriteHost(bool functionsMode)
    {
        Container = new BlobContainerClient(Azurite.Instance.ConnectionString, Azurite.UniqueName("ingest"));
        Container.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Ingest:Storage:Kind"] = "blob",
            ["Ingest:Storage:ConnectionString"] = Azurite.Instance.ConnectionString,
            ["Ingest:Storage:Container"] = Container.Name,
        };
        if (functionsMode)
        {
            settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999";
            settings["Ingest:RunWorkers"] = "false";
            settings["Ingest:RunScheduler"] = "false";
            settings["AzureWebJobsStorage"] = Azurite.Instance.ConnectionString;
        }
        App = new IngestAppFactory(settings);
        Client = App.CreateClient();
        StepQueue = new QueueClient(Azurite.Instance.ConnectionString, FunctionsMode.StepQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    public IngestAppFactory App { get; }

    public HttpClient Client { get; }

    public BlobContainerClient Container { get; }

    public QueueClient StepQueue { get; }

    public void Upload(string blobName, byte[] content) => Container.GetBlobClient(blobName).Upload(new BinaryData(content), overwrite: true);

    public IReadOnlyList<string> BlobNames(string prefix = "") =>
        Container.GetBlobs(prefix: prefix).Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Downloads the dataset's Parquet parts into a temporary folder, keeping their run folders; returns the folder.</summary>
    public string DownloadParts(string datasetPrefix)
    {
        var folder = Path.Combine(App.DataDirectory, "downloaded");
        foreach (var name in BlobNames(datasetPrefix + "/").Where(n => n.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            var local = Path.Combine(folder, name[(datasetPrefix.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            Container.GetBlobClient(name).DownloadTo(local);
        }
        return folder;
    }

    /// <summary>
    /// Delivers step messages until the queue stays empty, as the host does: the message text as the trigger data
    /// (a JSON string when <paramref name="doubleEncoded"/>, as the host may send it), each "next" output item
    /// serialised back onto the queue. Returns the number of invocations.
    /// </summary>
    public async Task<int> DrainStepQueueAsync(bool doubleEncoded, int maxInvocations = 60)
    {
        var invocations = 0;
        var idlePolls = 0;
        while (invocations < maxInvocations && idlePolls < 3)
        {
            var messages = (await StepQueue.ReceiveMessagesAsync(maxMessages: 8, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                idlePolls++;
                await Task.Delay(100);
                continue;
            }
            idlePolls = 0;
            foreach (var message in messages)
            {
                invocations++;
                var text = message.Body.ToString();
                object data = doubleEncoded ? text : JsonDocument.Parse(text).RootElement;
                var result = await InvokeAsync(FunctionsMode.StepFunction, new
                {
                    Data = new { msg = data },
                    Metadata = new { DequeueCount = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Id = message.MessageId },
                });
                if (result.GetProperty("Outputs").TryGetProperty("next", out var next))
                {
                    foreach (var item in next.EnumerateArray())
                        await StepQueue.SendMessageAsync(item.GetRawText());
                }
                await StepQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        return invocations;
    }

    public async Task<JsonElement> InvokeAsync(string function, object payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = JsonContent.Create(payload) };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        Container.DeleteIfExists();
    }
}
