using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Endpoints;

/// <summary>Overlap policies, cancel, rerun, purge, file patterns and incremental sources, through the API.</summary>
public sealed class OrchestrationTests
{
    private static object PatternJob(string name, string pattern, string overlap = "skip", bool incremental = false) => new
    {
        name,
        source = new { path = pattern, incremental },
        destination = new { path = "datasets/" + name },
        overlap,
    };

    [Fact]
    public async Task With_overlap_skip_a_second_start_is_a_409_naming_the_active_run()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:RunWorkers"] = "false" });
        var client = app.CreateClient();
        var jobId = await client.CreateJobAsync(ApiClient.Job("once"));

        var (firstStatus, first, _) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var (secondStatus, second, response) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");

        Assert.Equal(HttpStatusCode.Accepted, firstStatus);
        Assert.Equal(HttpStatusCode.Conflict, secondStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("activeRunId").GetString());
    }

    [Fact]
    public async Task Fifty_simultaneous_starts_with_skip_create_one_run_and_forty_nine_conflicts()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:RunWorkers"] = "false" });
        var client = app.CreateClient();
        var jobId = await client.CreateJobAsync(ApiClient.Job("busy"));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs")));

        var accepted = results.Where(r => r.Status == HttpStatusCode.Accepted).ToArray();
        var conflicts = results.Where(r => r.Status == HttpStatusCode.Conflict).ToArray();
        Assert.Single(accepted);
        Assert.Equal(49, conflicts.Length);
        var runId = accepted[0].Body.GetProperty("id").GetString();
        Assert.All(conflicts, c => Assert.Equal(runId, c.Body.GetProperty("activeRunId").GetString()));
        var (_, runs, _) = await client.SendAsync(HttpMethod.Get, $"/api/jobs/{jobId}/runs");
        Assert.Equal(1, runs.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Fifty_simultaneous_starts_with_allow_all_commit_without_lock_errors()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:Workers"] = "4" });
        var client = app.CreateClient();
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await client.CreateJobAsync(PatternJob("many", "in/iris.xlsx", overlap: "allow"));

        var starts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs")));
        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Accepted, s.Status));
        var finals = await Task.WhenAll(starts.Select(s => client.WaitForFinalAsync(s.Response.Headers.Location!.ToString())));

        Assert.All(finals, f => Assert.Equal("Completed", f.GetProperty("runtimeStatus").GetString()));
        var dataset = Path.Combine(app.FilesRoot, "datasets", "many");
        Assert.Equal(50, Directory.GetFiles(dataset, "*.parquet", SearchOption.AllDirectories).Length);
        Assert.Equal(50, Directory.GetDirectories(dataset, "run-*").Length);
        Assert.Equal(50 * 150, finals.Sum(f => f.GetProperty("rowsWritten").GetInt64()));
        foreach (var run in finals)
        {
            var (_, errors, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{run.GetProperty("id").GetString()}/logs?level=warning");
            Assert.True(errors.GetProperty("total").GetInt64() == 0, $"warnings in run {run.GetProperty("id").GetString()}: {errors}");
        }
    }

    [Fact]
    public async Task With_overlap_queue_runs_execute_one_after_another()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:Workers"] = "4" });
        var client = app.CreateClient();
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await client.CreateJobAsync(PatternJob("queued", "in/iris.xlsx", overlap: "queue"));

        var starts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (status, _, response) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
            Assert.Equal(HttpStatusCode.Accepted, status);
            starts.Add(response.Headers.Location!.ToString());
        }
        var finals = new List<JsonElement>();
        foreach (var url in starts)
            finals.Add(await client.WaitForFinalAsync(url));

        Assert.All(finals, f => Assert.Equal("Completed", f.GetProperty("runtimeStatus").GetString()));
        for (var i = 1; i < finals.Count; i++)
            Assert.True(finals[i].GetProperty("startedTime").GetDateTimeOffset() >= finals[i - 1].GetProperty("completedTime").GetDateTimeOffset(),
                $"run {i} started before run {i - 1} completed");
    }

    [Fact]
    public async Task Cancel_stops_a_pending_run_and_purge_removes_its_history()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:RunWorkers"] = "false" });
        var client = app.CreateClient();
        var jobId = await client.CreateJobAsync(ApiClient.Job("cancel-me"));
        var (_, started, _) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString();
        Assert.Equal($"/api/runs/{runId}/cancel", started.GetProperty("cancelPostUri").GetString());
        Assert.Equal($"/api/runs/{runId}", started.GetProperty("purgeHistoryDeleteUri").GetString());

        var (purgeActive, _, _) = await client.SendAsync(HttpMethod.Delete, $"/api/runs/{runId}");
        var (cancelStatus, canceled, _) = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel");
        var (againStatus, again, _) = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel");

        Assert.Equal(HttpStatusCode.Conflict, purgeActive);
        Assert.Equal(HttpStatusCode.OK, cancelStatus);
        Assert.Equal("Canceled", canceled.GetProperty("runtimeStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains("Canceled", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (purgeStatus, _, _) = await client.SendAsync(HttpMethod.Delete, $"/api/runs/{runId}");
        var (getStatus, _, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        var (logsStatus, _, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs");
        Assert.Equal(HttpStatusCode.NoContent, purgeStatus);
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal(HttpStatusCode.NotFound, logsStatus);
        var (_, restarted, _) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        Assert.True(restarted.TryGetProperty("id", out _), "a cancelled run no longer blocks the job");
    }

    [Fact]
    public async Task A_pattern_source_copies_each_matching_file_and_commits_them_together()
    {
        using var app = new IngestAppFactory();
        var client = app.CreateClient();
        foreach (var name in new[] { "a", "b", "c" })
            app.AddCorpusFile("iris-excel-xlsx.xlsx", $"in/multi/{name}.xlsx");
        app.AddFile("in/multi/notes.txt", Encoding.ASCII.GetBytes("not a workbook"));
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/other/d.xlsx");
        var jobId = await client.CreateJobAsync(PatternJob("multi", "in/multi/*.xlsx"));

        var run = await client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(450, run.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(3, run.GetProperty("output").GetArrayLength());
        var progress = run.GetProperty("customStatus");
        Assert.Equal((3, 3, 450L), (progress.GetProperty("workItemsDone").GetInt32(), progress.GetProperty("workItemsTotal").GetInt32(), progress.GetProperty("rowsSoFar").GetInt64()));
        var manifest = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(app.FilesRoot, "datasets", "multi", "_manifests")).Single())).RootElement;
        Assert.Equal(["in/multi/a.xlsx", "in/multi/b.xlsx", "in/multi/c.xlsx"], manifest.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("file").GetString()));
        Assert.All(manifest.GetProperty("inputs").EnumerateArray(), i => Assert.True(i.GetProperty("size").GetInt64() > 0));
    }

    [Fact]
    public async Task An_incremental_source_takes_only_new_or_changed_files()
    {
        using var app = new IngestAppFactory();
        var client = app.CreateClient();
        var a = app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/inc/a.xlsx");
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/inc/b.xlsx");
        var jobId = await client.CreateJobAsync(PatternJob("inc", "in/inc/*.xlsx", incremental: true));

        var first = await client.RunToEndAsync(jobId);
        var unchanged = await client.RunToEndAsync(jobId);
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/inc/c.xlsx");
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddMinutes(1));
        var changed = await client.RunToEndAsync(jobId);

        Assert.Equal((300L, 0L, 300L), (first.GetProperty("rowsWritten").GetInt64(), unchanged.GetProperty("rowsWritten").GetInt64(), changed.GetProperty("rowsWritten").GetInt64()));
        Assert.All(new[] { first, unchanged, changed }, r => Assert.Equal("Completed", r.GetProperty("runtimeStatus").GetString()));
        var (_, logs, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{changed.GetProperty("id").GetString()}/logs");
        var plan = logs.GetProperty("items").EnumerateArray().First(l => l.GetProperty("message").GetString()!.StartsWith("Planned", StringComparison.Ordinal));
        Assert.Equal(["in/inc/a.xlsx", "in/inc/c.xlsx"], plan.GetProperty("data").GetProperty("workItems").EnumerateArray().Select(w => w.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task A_rerun_redoes_only_the_failed_work_and_publishes_everything_once()
    {
        using var app = new IngestAppFactory(new() { ["Ingest:Workers"] = "1" });
        var client = app.CreateClient();
        app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/re/a.xlsx");
        var bad = app.AddFile("in/re/b.xlsx", Encoding.ASCII.GetBytes("broken"));
        var jobId = await client.CreateJobAsync(PatternJob("re", "in/re/*.xlsx"));

        var failed = await client.RunToEndAsync(jobId);
        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());
        Assert.Contains("in/re/b.xlsx", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var dataset = Path.Combine(app.FilesRoot, "datasets", "re");
        Assert.False(Directory.Exists(dataset) && Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Length > 0, "a failed run published files");

        File.Copy(Testing.RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), bad, overwrite: true);
        var (status, started, response) = await client.SendAsync(HttpMethod.Post, $"/api/runs/{failed.GetProperty("id").GetString()}/rerun");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var rerun = await client.WaitForFinalAsync(response.Headers.Location!.ToString());

        Assert.Equal("Completed", rerun.GetProperty("runtimeStatus").GetString());
        Assert.Equal(failed.GetProperty("id").GetString(), rerun.GetProperty("rerunOf").GetString());
        Assert.Equal(300, rerun.GetProperty("rowsWritten").GetInt64());
        var parts = Directory.GetFiles(dataset, "*.parquet", SearchOption.AllDirectories);
        Assert.Equal(2, parts.Length);
        Assert.All(parts, p => Assert.EndsWith(rerun.GetProperty("id").GetString()!, Path.GetDirectoryName(p), StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(app.FilesRoot, "datasets", ".re.staging")));
        var (_, logs, _) = await client.SendAsync(HttpMethod.Get, $"/api/runs/{started.GetProperty("id").GetString()}/logs");
        Assert.Contains(logs.GetProperty("items").EnumerateArray(), l => l.GetProperty("message").GetString()!.StartsWith("Reused the part", StringComparison.Ordinal));
        var (again, _, _) = await client.SendAsync(HttpMethod.Post, $"/api/runs/{rerun.GetProperty("id").GetString()}/rerun");
        Assert.Equal(HttpStatusCode.Conflict, again);
    }
}
