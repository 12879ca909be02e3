using System.Net;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Azure;

/// <summary>
/// End to end as in Azure: workbooks in a blob container, a manual start that enqueues its first wake-up on the real
/// (Azurite) step queue, queue-step invocations delivered as the host delivers them, and a Parquet dataset published
/// into the container that DuckDB reads. One class, so its tests take turns on the one step queue.
/// </summary>
public sealed class FunctionsOnAzuriteTests : IDisposable
{
    private readonly AzuriteHost _host = new(functionsMode: true);

    public FunctionsOnAzuriteTests()
    {
        _host.StepQueue.CreateIfNotExists();
        _host.StepQueue.ClearMessages();
    }

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_job_over_blob_workbooks_runs_through_queue_steps_into_a_blob_dataset(bool doubleEncoded)
    {
        var iris = File.ReadAllBytes(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"));
        _host.Upload("in/sales/a.xlsx", iris);
        _host.Upload("in/sales/b.xlsx", iris);
        _host.Upload("in/sales/notes.txt", "not a workbook"u8.ToArray());
        var jobId = await _host.Client.CreateJobAsync(new { name = "sales", source = new { path = "in/sales/*.xlsx" }, destination = new { path = "datasets/sales" } });

        var (status, started, _) = await _host.Client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var runId = started.GetProperty("id").GetString()!;
        var first = (await _host.StepQueue.PeekMessagesAsync(maxMessages: 32)).Value;
        Assert.Single(first);
        Assert.Equal(runId, JsonDocument.Parse(first[0].Body.ToString()).RootElement.GetProperty("runId").GetString());

        var invocations = await _host.DrainStepQueueAsync(doubleEncoded);

        var (_, run, _) = await _host.Client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(300, run.GetProperty("rowsWritten").GetInt64());
        Assert.True(invocations >= 4, $"{invocations} invocations for plan + 2 copies + commit");
        var blobs = _host.BlobNames("datasets/");
        var parts = blobs.Where(b => b.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Matches($"^datasets/sales/run-\\d{{8}}T\\d{{6}}Z-{runId}/part-0000[01]\\.parquet$", p));
        Assert.Contains($"datasets/sales/_manifests/{runId}.json", blobs);
        Assert.Empty(_host.BlobNames("datasets/.sales.staging/"));

        var folder = _host.DownloadParts("datasets/sales");
        var counted = DuckDb.Query($"SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT Species) AS INTEGER) AS species FROM read_parquet('{folder}/*/*.parquet')");
        Assert.Equal(300, counted[0].GetProperty("n").GetInt32());
        Assert.Equal(3, counted[0].GetProperty("species").GetInt32());
    }

    [Fact]
    public async Task A_corrupt_blob_workbook_fails_the_run_naming_it_and_publishes_nothing()
    {
        _host.Upload("in/bad/good.xlsx", File.ReadAllBytes(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx")));
        _host.Upload("in/bad/broken.xlsx", "PK\u0003\u0004 this is no zip"u8.ToArray());
        var jobId = await _host.Client.CreateJobAsync(new { name = "bad", source = new { path = "in/bad/*.xlsx" }, destination = new { path = "datasets/bad" } });
        var (_, started, _) = await _host.Client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString()!;

        await _host.DrainStepQueueAsync(doubleEncoded: false);

        var (_, run, _) = await _host.Client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
        Assert.Contains("in/bad/broken.xlsx", run.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_host.BlobNames("datasets/bad/"));
    }
}
