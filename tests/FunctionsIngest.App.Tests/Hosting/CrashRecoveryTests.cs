using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;
using Xunit.Abstractions;

namespace FunctionsIngest.App.Tests.Hosting;

/// <summary>
/// Kills the real app process (SIGKILL) at random moments of a many-file run, restarts it, and checks
/// that the run completes with every source row in the dataset exactly once and no stray files.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Files = 24;
    private const int RowsPerFile = 150;
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "fi-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_workDir))
            Directory.Delete(_workDir, recursive: true);
    }

    private static int Trials => int.TryParse(Environment.GetEnvironmentVariable("CRASH_TRIALS"), out var n) ? n : 6;

    [Fact]
    public async Task Runs_killed_in_plan_copy_or_commit_complete_after_restart_with_every_row_exactly_once()
    {
        var random = new Random(20261122);
        var phases = new List<string>();
        var runTime = await MeasureRunTimeAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var data = Path.Combine(_workDir, $"trial{trial}");
            AddSources(data);
            var port = AppProcess.FreePort();
            string runUrl;
            using (var first = Start(data, port))
            {
                using var http = Client(port);
                Assert.True(await first.WaitForOutputAsync("listening on"), first.Output);
                runUrl = await StartRunAsync(http);
                phases.Add(await WaitForPhaseAsync(http, runUrl, Targets[trial % Targets.Length], random));
            } // disposing kills the process tree with SIGKILL

            // A second kill, early in the resumed run, before the stale leases have even expired.
            using (var resumed = Start(data, port))
            {
                using var http = Client(port);
                Assert.True(await resumed.WaitForOutputAsync("listening on"), resumed.Output);
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * (runTime.TotalMilliseconds + 3000)));
                phases.Add("resumed " + await PhaseAsync(http, runUrl));
            }

            using (var second = Start(data, port))
            {
                using var http = Client(port);
                Assert.True(await second.WaitForOutputAsync("listening on"), second.Output);
                var run = await WaitForFinalAsync(http, runUrl);
                Assert.True(run.GetProperty("runtimeStatus").GetString() == "Completed", $"trial {trial}: {run}");
                Assert.Equal(Files * RowsPerFile, run.GetProperty("rowsWritten").GetInt64());
            }

            var dataset = Path.Combine(data, "files", "datasets", "crash");
            var entries = Directory.GetFileSystemEntries(dataset, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(dataset, e)).Order().ToArray();
            Assert.Equal(Files, entries.Count(e => e.StartsWith("run-", StringComparison.Ordinal) && e.EndsWith(".parquet", StringComparison.Ordinal)));
            // The run folder, its parts, _manifests and its one manifest: no temporary files.
            Assert.True(entries.Length == Files + 3, $"trial {trial}: {string.Join(", ", entries)}");
            Assert.False(Directory.Exists(Path.Combine(data, "files", "datasets", ".crash.staging")));
            var counts = DuckDb.Query($"SELECT count(*)::INTEGER AS n, count(DISTINCT filename)::INTEGER AS files FROM read_parquet('{dataset}/*/*.parquet', filename = true)")[0];
            Assert.Equal(Files * RowsPerFile, counts.GetProperty("n").GetInt64());
            Assert.Equal(Files, counts.GetProperty("files").GetInt64());
        }
        output.WriteLine($"{Trials} trials, {phases.Count} kills (run time without kills {runTime.TotalMilliseconds:0} ms); phase at each kill: " +
            string.Join(", ", phases.GroupBy(p => p).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")));
    }

    /// <summary>How long the run takes undisturbed, so that kills can be spread over its whole length.</summary>
    private async Task<TimeSpan> MeasureRunTimeAsync()
    {
        var data = Path.Combine(_workDir, "calibration");
        AddSources(data);
        var port = AppProcess.FreePort();
        using var app = Start(data, port);
        using var http = Client(port);
        Assert.True(await app.WaitForOutputAsync("listening on"), app.Output);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = await WaitForFinalAsync(http, await StartRunAsync(http));
        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        return started.Elapsed;
    }

    private static void AddSources(string data)
    {
        for (var i = 0; i < Files; i++)
        {
            var file = Path.Combine(data, "files", "in", "crash", $"f{i:00}.xlsx");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), file);
        }
    }

    private static async Task<string> StartRunAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/api/jobs", new { name = "crash", source = new { path = "in/crash/*.xlsx" }, destination = new { path = "datasets/crash" } });
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var started = await http.PostAsync(new Uri($"/api/jobs/{jobId}/runs", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return started.Headers.Location!.ToString();
    }

    /// <summary>The phases the first kill of each trial aims at, in turn.</summary>
    private static readonly string[] Targets = ["plan", "copy", "commit"];

    /// <summary>Polls the run until it reaches <paramref name="target"/> (or a later phase), waits a random moment more, and says where it was.</summary>
    private static async Task<string> WaitForPhaseAsync(HttpClient http, string runUrl, string target, Random random)
    {
        var order = new[] { "Pending", "plan", "copy", "commit", "after completion" };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var phase = await PhaseAsync(http, runUrl);
            if (Array.IndexOf(order, phase) >= Array.IndexOf(order, target))
            {
                if (phase == "copy")
                    await Task.Delay(random.Next(0, 400));
                return phase;
            }
        }
        return "timeout";
    }

    private static AppProcess Start(string data, int port) => new(Path.GetTempPath(), ["--urls", $"http://127.0.0.1:{port}"],
        new Dictionary<string, string> { ["Ingest__DataDirectory"] = data, ["Ingest__StepLeaseSeconds"] = "3", ["Ingest__Workers"] = "2" });

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    private static async Task<string> PhaseAsync(HttpClient http, string runUrl)
    {
        var run = await http.GetFromJsonAsync<JsonElement>(runUrl);
        var status = run.GetProperty("runtimeStatus").GetString();
        return status is "Completed" ? "after completion"
            : run.GetProperty("customStatus").TryGetProperty("step", out var step) ? step.GetString()!.Split('[')[0] : status!;
    }

    private static async Task<JsonElement> WaitForFinalAsync(HttpClient http, string runUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var response = await http.GetAsync(new Uri(runUrl, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var run = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (run.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Canceled")
                return run;
            Assert.True(DateTime.UtcNow < deadline, $"run still not final: {run}");
            await Task.Delay(200);
        }
    }
}
