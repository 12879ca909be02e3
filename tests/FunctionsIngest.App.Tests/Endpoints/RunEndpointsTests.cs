using System.Net;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Endpoints;

public sealed class RunEndpointsTests : IDisposable
{
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public RunEndpointsTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_run_converts_the_sheet_into_a_committed_parquet_dataset()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await _client.CreateJobAsync(ApiClient.Job("iris", sheet: "iris"));

        var (status, started, response) = await _client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");

        Assert.Equal(HttpStatusCode.Accepted, status);
        var runId = started.GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location!.ToString());
        Assert.Equal($"/api/runs/{runId}", started.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal($"/api/runs/{runId}/logs", started.GetProperty("logsGetUri").GetString());
        var initial = started.GetProperty("status");
        Assert.Equal("Pending", initial.GetProperty("runtimeStatus").GetString());
        Assert.Equal(jobId, initial.GetProperty("jobId").GetString());
        Assert.Equal("iris", initial.GetProperty("name").GetString());

        var run = await _client.WaitForFinalAsync($"/api/runs/{runId}");

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(150, run.GetProperty("rowsRead").GetInt64());
        Assert.Equal(150, run.GetProperty("rowsWritten").GetInt64());
        Assert.False(run.TryGetProperty("error", out _));
        var output = run.GetProperty("output").EnumerateArray().Select(o => o.GetString()!).ToArray();
        Assert.Matches($@"^datasets/iris/run-\d{{8}}T\d{{6}}Z-{runId}/part-00000\.parquet$", Assert.Single(output));
        Assert.Equal(["plan:Completed", "copy[0]:Completed", "commit:Completed"],
            run.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("status").GetString()}"));

        var dataset = Path.Combine(_app.FilesRoot, "datasets", "iris");
        var files = Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_app.FilesRoot, f)).Order();
        Assert.Equal([$"datasets/iris/_manifests/{runId}.json", output[0]], files);
        Assert.False(Directory.Exists(Path.Combine(_app.FilesRoot, "datasets", ".iris.staging")));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataset, "_manifests", $"{runId}.json"))).RootElement;
        Assert.Equal(150, manifest.GetProperty("parts")[0].GetProperty("rows").GetInt64());
        Assert.Equal("in/iris.xlsx", manifest.GetProperty("inputs")[0].GetProperty("file").GetString());

        var table = DatasetReader.ReadAllReaders(Path.Combine(_app.FilesRoot, output[0]));
        Assert.Equal(["Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width", "Species"], table.Columns);
        Assert.Equal(150, table.Rows.Count);
        Assert.Equal("5.1|3.5|1.4|0.2|setosa", table.Row(0));
        Assert.Equal("5.9|3|5.1|1.8|virginica", table.Row(149));
        Assert.Equal(50, table.Rows.Count(r => r[4] == "versicolor"));
    }

    [Fact]
    public async Task Logs_record_every_step_with_structured_data_and_can_be_filtered_and_paged()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await _client.CreateJobAsync(ApiClient.Job("iris"));
        var run = await _client.RunToEndAsync(jobId);
        var runId = run.GetProperty("id").GetString();

        var (status, logs, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs");

        Assert.Equal(HttpStatusCode.OK, status);
        var items = logs.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(items.Length, logs.GetProperty("total").GetInt64());
        var steps = items.Select(i => i.GetProperty("step").GetString()!).Distinct().ToArray();
        Assert.Equal(["run", "plan", "copy[0]", "commit"], steps);
        var opened = items.Single(i => i.GetProperty("message").GetString()!.StartsWith("Opened", StringComparison.Ordinal));
        Assert.Equal("in/iris.xlsx", opened.GetProperty("data").GetProperty("file").GetString());
        Assert.Equal("iris", opened.GetProperty("data").GetProperty("sheet").GetString());
        Assert.True(opened.GetProperty("data").GetProperty("size").GetInt64() > 0);
        var rows = items.Single(i => i.GetProperty("message").GetString()!.StartsWith("Read ", StringComparison.Ordinal));
        Assert.Equal(150, rows.GetProperty("data").GetProperty("rowsWritten").GetInt64());
        Assert.True(rows.GetProperty("data").TryGetProperty("durationMs", out _));
        Assert.All(items, i => Assert.Equal("Information", i.GetProperty("level").GetString()));
        var timestamps = items.Select(i => i.GetProperty("timestamp").GetDateTimeOffset()).ToArray();
        Assert.Equal(timestamps.Order(), timestamps);

        var (_, page, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs?take=2");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal($"/api/runs/{runId}/logs?skip=2&take=2", page.GetProperty("nextLink").GetString());
        var (_, second, _) = await _client.SendAsync(HttpMethod.Get, page.GetProperty("nextLink").GetString()!);
        Assert.Equal(items[2].GetProperty("id").GetInt64(), second.GetProperty("items")[0].GetProperty("id").GetInt64());

        var (_, warnings, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs?level=warning");
        Assert.Equal(0, warnings.GetProperty("total").GetInt64());
        var (badStatus, bad, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs?level=loud");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(bad.GetProperty("errors").TryGetProperty("level", out _));
    }

    [Fact]
    public async Task History_lists_runs_newest_first_with_filters_and_paging()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var good = await _client.CreateJobAsync(ApiClient.Job("good"));
        var bad = await _client.CreateJobAsync(ApiClient.Job("bad", sourcePath: "in/none.xlsx", datasetPath: "datasets/bad"));
        var first = (await _client.RunToEndAsync(good)).GetProperty("id").GetString();
        var failed = (await _client.RunToEndAsync(bad)).GetProperty("id").GetString();
        var second = (await _client.RunToEndAsync(good)).GetProperty("id").GetString();

        var (_, history, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{good}/runs");
        Assert.Equal([second, first], history.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, history.GetProperty("total").GetInt64());

        var (_, all, _) = await _client.SendAsync(HttpMethod.Get, "/api/runs");
        Assert.Equal([second, failed, first], all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var (_, onlyFailed, _) = await _client.SendAsync(HttpMethod.Get, "/api/runs?status=failed");
        Assert.Equal([failed], onlyFailed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var (_, byJob, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs?jobId={good}&status=Completed&take=1");
        Assert.Equal([second], byJob.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal($"/api/runs?jobId={good}&status=Completed&skip=1&take=1", byJob.GetProperty("nextLink").GetString());

        var (badStatus, problem, _) = await _client.SendAsync(HttpMethod.Get, "/api/runs?status=Sleeping&take=0");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task Unknown_run_is_a_404_problem()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "/api/runs/nope");
        var (logsStatus, _, _) = await _client.SendAsync(HttpMethod.Get, "/api/runs/nope/logs");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Run not found", body.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, logsStatus);
    }
}
