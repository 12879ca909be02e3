using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Functions;

/// <summary>The app driven exactly as the Functions host drives a custom handler: POST /{FunctionName} with the host's payloads.</summary>
public sealed class InvocationTests : IDisposable
{
    private readonly IngestAppFactory _app = new(new() { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999", ["Ingest:RunWorkers"] = "false", ["Ingest:RunScheduler"] = "false" });
    private readonly HttpClient _client;

    public InvocationTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private static object QueueInvocation(object msg, int dequeueCount = 1) => new
    {
        Data = new { msg },
        Metadata = new { DequeueCount = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Id = Guid.NewGuid().ToString(), sys = new { MethodName = "RunStep" } },
    };

    private async Task<JsonElement> InvokeAsync(string function, object payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = JsonContent.Create(payload) };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Queue_invocations_drive_a_run_to_its_committed_dataset(bool doubleEncoded)
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/fx/a.xlsx");
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/fx/b.xlsx");
        var jobId = await _client.CreateJobAsync(new { name = "fx", source = new { path = "in/fx/*.xlsx" }, destination = new { path = "datasets/fx" } });
        var (_, started, _) = await _client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString()!;

        // The host's queue: the first wake-up, then whatever each invocation returns in its "next" output.
        var queue = new Queue<JsonElement>([JsonSerializer.SerializeToElement(new { runId })]);
        var invocations = 0;
        while (queue.TryDequeue(out var message) && invocations++ < 50)
        {
            object msg = doubleEncoded ? message.GetRawText() : message;
            var result = await InvokeAsync("RunStep", QueueInvocation(msg));
            Assert.Equal(JsonValueKind.Array, result.GetProperty("Logs").ValueKind);
            foreach (var next in result.GetProperty("Outputs").GetProperty("next").EnumerateArray())
                queue.Enqueue(next);
        }

        var (_, run, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(300, run.GetProperty("rowsWritten").GetInt64());
        Assert.True(invocations is >= 4 and <= 10, $"{invocations} invocations for plan + 2 copies + commit");
        var parts = Directory.GetFiles(Path.Combine(_app.FilesRoot, "datasets", "fx"), "*.parquet", SearchOption.AllDirectories);
        Assert.Equal(2, parts.Length);
        Assert.Equal(150, DatasetReader.ReadAllReaders(parts[0]).Rows.Count);
    }

    [Theory]
    [InlineData("\"not json\"")]
    [InlineData("{\"runId\": 5}")]
    [InlineData("{}")]
    public async Task A_malformed_message_is_acknowledged_and_logged_not_retried(string raw)
    {
        var result = await InvokeAsync("RunStep", new { Data = new { msg = JsonDocument.Parse(raw).RootElement }, Metadata = new { } });

        Assert.StartsWith("Ignored a step message", result.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, result.GetProperty("Outputs").ValueKind);
    }

    [Fact]
    public async Task A_message_in_the_poison_queue_fails_its_run_with_the_reason()
    {
        var jobId = await _client.CreateJobAsync(ApiClient.Job("poisoned"));
        var (_, started, _) = await _client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString()!;

        await InvokeAsync("RunStepPoison", QueueInvocation(JsonSerializer.Serialize(new { runId }), dequeueCount: 5));

        var (_, run, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
        Assert.Contains("poison queue", run.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poison_message_leaves_a_step_that_has_attempts_left_to_its_retry_and_fails_the_run_once_they_are_spent()
    {
        var jobId = await _client.CreateJobAsync(new { name = "patient", source = new { path = "in/iris.xlsx" }, destination = new { path = "datasets/iris" }, retry = new { maxAttempts = 8 } });
        var (_, started, _) = await _client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        var runId = started.GetProperty("id").GetString()!;
        var store = _app.Services.GetRequiredService<FunctionsIngest.Store.IIngestStore>();

        async Task FailPlanAsync(int times)
        {
            for (int i = 0; i < times; i++)
            {
                var step = await store.ClaimStepAsync("test", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow, runId);
                Assert.NotNull(step);
                await store.FinishStepAsync(step with { Status = FunctionsIngest.Runs.StepStatus.Pending, Error = "transient", LeaseOwner = null, LeaseExpiresAt = null }, "test", []);
            }
        }
        async Task<string> RunStatusAsync()
        {
            var (_, run, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
            return run.GetProperty("runtimeStatus").GetString()!;
        }

        await FailPlanAsync(5); // five deliveries, five attempts of eight
        var kept = await InvokeAsync("RunStepPoison", QueueInvocation(JsonSerializer.Serialize(new { runId }), dequeueCount: 5));
        Assert.Contains("attempts left (5 of 8)", kept.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.NotEqual("Failed", await RunStatusAsync());

        await FailPlanAsync(3);
        await InvokeAsync("RunStepPoison", QueueInvocation(JsonSerializer.Serialize(new { runId }), dequeueCount: 5));
        Assert.Equal("Failed", await RunStatusAsync());
    }

    [Fact]
    public async Task The_timer_invocation_ticks_the_scheduler_and_wakes_runs_with_waiting_steps()
    {
        var jobId = await _client.CreateJobAsync(ApiClient.Job("waiting"));
        var (_, started, _) = await _client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");

        var result = await InvokeAsync("SchedulerTick", new
        {
            Data = new { timer = new { Schedule = new { AdjustForDST = true }, ScheduleStatus = new { Last = "2026-11-22T00:00:00Z", Next = "2026-11-22T00:01:00Z" }, IsPastDue = false } },
            Metadata = new { sys = new { MethodName = "SchedulerTick", UtcNow = DateTime.UtcNow.ToString("o") } },
        });

        var next = Assert.Single(result.GetProperty("Outputs").GetProperty("next").EnumerateArray());
        Assert.Equal(started.GetProperty("id").GetString(), next.GetProperty("runId").GetString());
        Assert.StartsWith("Scheduler tick:", result.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_answers_for_the_host_start_up_probe()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
    }
}

/// <summary>Without the Functions host, the invocation endpoints do not exist (they carry no API key).</summary>
public sealed class StandaloneHasNoInvocationEndpointsTests : IDisposable
{
    private readonly IngestAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/RunStep")]
    [InlineData("/SchedulerTick")]
    [InlineData("/RunStepPoison")]
    public async Task Invocation_paths_are_not_mapped(string path)
    {
        var response = await _app.CreateClient().PostAsync(new Uri(path, UriKind.Relative), JsonContent.Create(new { Data = new { msg = "{}" } }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
