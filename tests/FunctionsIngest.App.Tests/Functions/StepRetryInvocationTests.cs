using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FunctionsIngest.App.Tests.Functions;

/// <summary>A step that fails transiently answers the host non-2xx, so the host redelivers its message (fault injected into storage).</summary>
public sealed class StepRetryInvocationTests : IDisposable
{
    private readonly IngestAppFactory _app;
    private bool _storageFails;

    public StepRetryInvocationTests()
    {
        _app = new IngestAppFactory(
            new() { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999", ["Ingest:RunWorkers"] = "false", ["Ingest:RunScheduler"] = "false" },
            services => services.AddSingleton(_ => FailingReads(new LocalStorage(_app!.FilesRoot))));
    }

    public void Dispose() => _app.Dispose();

    /// <summary>The real local storage, except that reading a source throws an I/O error while <see cref="_storageFails"/> is set.</summary>
    private IFileStorage FailingReads(LocalStorage real)
    {
        var storage = new Mock<IFileStorage>(MockBehavior.Strict);
        storage.Setup(s => s.GetFileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string p, CancellationToken c) => real.GetFileAsync(p, c));
        storage.Setup(s => s.ListFilesAsync(It.IsAny<string>(), It.IsAny<Action<string>?>(), It.IsAny<CancellationToken>()))
            .Returns((string f, Action<string>? r, CancellationToken c) => real.ListFilesAsync(f, r, c));
        storage.Setup(s => s.DeleteFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string f, CancellationToken c) => real.DeleteFolderAsync(f, c));
        storage.Setup(s => s.GetLocalFileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string p, CancellationToken c) => _storageFails ? throw new IOException("The share did not answer.") : real.GetLocalFileAsync(p, c));
        storage.Setup(s => s.WriteAsync(It.IsAny<string>(), It.IsAny<Func<Stream, CancellationToken, Task>>(), It.IsAny<CancellationToken>()))
            .Returns((string p, Func<Stream, CancellationToken, Task> w, CancellationToken c) => real.WriteAsync(p, w, c));
        storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string p, CancellationToken c) => real.DeleteAsync(p, c));
        storage.Setup(s => s.MoveFolderAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string f, string t, CancellationToken c) => real.MoveFolderAsync(f, t, c));
        storage.SetupGet(s => s.Description).Returns(real.Description);
        return storage.Object;
    }

    private async Task<HttpResponseMessage> RunStepAsync(string runId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/RunStep")
        {
            Content = JsonContent.Create(new { Data = new { msg = JsonSerializer.Serialize(new { runId }) }, Metadata = new { DequeueCount = "1" } }),
        };
        return await _app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_transiently_failing_copy_answers_500_and_succeeds_on_redelivery()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var client = _app.CreateClient();
        var jobId = await client.CreateJobAsync(new
        {
            name = "flaky", source = new { path = "in/iris.xlsx" }, destination = new { path = "datasets/flaky" },
            retry = new { maxAttempts = 3, firstRetryIntervalSeconds = 0 },
        });
        var (_, started, _) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await RunStepAsync(runId)).StatusCode); // plan

        _storageFails = true;
        var failed = await RunStepAsync(runId);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var logs = (await failed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs");
        Assert.Contains("scheduled for a retry", logs[0].GetString(), StringComparison.Ordinal);

        _storageFails = false;
        Assert.Equal(HttpStatusCode.OK, (await RunStepAsync(runId)).StatusCode); // copy, redelivered
        Assert.Equal(HttpStatusCode.OK, (await RunStepAsync(runId)).StatusCode); // commit
        var (_, run, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(150, run.GetProperty("rowsWritten").GetInt64());
    }
}
