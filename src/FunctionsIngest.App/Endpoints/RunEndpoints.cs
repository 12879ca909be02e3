using FunctionsIngest.Runs;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.App.Endpoints;

/// <summary>/api/runs: all runs (filtered, paged), one run's status, one run's logs.</summary>
public static class RunEndpoints
{
    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs");
        runs.MapGet("/", (HttpRequest request, IIngestStore store, CancellationToken ct) =>
            ListAsync(request, store, request.Query["jobId"].FirstOrDefault(), ct));
        runs.MapGet("/{id}", GetAsync);
        runs.MapGet("/{id}/logs", LogsAsync);
        runs.MapPost("/{id}/cancel", CancelAsync);
        runs.MapPost("/{id}/rerun", RerunAsync);
        runs.MapDelete("/{id}", PurgeAsync);
        return api;
    }

    /// <summary>202 + Location + Retry-After + the start document: the Durable contract for a started run.</summary>
    internal static IResult Accepted(HttpRequest request, RunRecord run)
    {
        var started = RunStartedResponse.From(run);
        request.HttpContext.Response.Headers.RetryAfter = "1";
        return Results.Accepted(started.StatusQueryGetUri, started);
    }

    private static async Task<IResult> CancelAsync(string id, IIngestStore store, IFileStorage storage, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await store.CancelRunAsync(id, "Cancelled on request.", clock.GetUtcNow(), ct);
        var run = await store.GetRunAsync(id, ct);
        switch (outcome)
        {
            case CancelOutcome.NotFound:
                return Problems.RunNotFound(id);
            case CancelOutcome.AlreadyFinal:
                return Problems.RunConflict("The run has already ended", $"Run {id} is {run!.Status}; only Pending or Running runs can be cancelled.");
            case CancelOutcome.Committing:
                return Problems.RunConflict("The run is committing", $"Run {id} has started publishing its data and will complete; it can no longer be cancelled.");
        }
        await store.AppendLogsAsync([new RunLogEntry { RunId = id, Timestamp = clock.GetUtcNow(), Step = "run", Level = RunLogLevel.Warning, Message = "Run cancelled on request." }], ct);
        await RunFiles.DeleteStagingAsync(storage, run!, ct);
        return Results.Ok(RunResponse.From(run!, await store.GetStepsAsync(id, ct)));
    }

    private static async Task<IResult> RerunAsync(string id, HttpRequest request, IIngestStore store, RunService runs, CancellationToken ct)
    {
        var failed = await store.GetRunAsync(id, ct);
        if (failed is null)
            return Problems.RunNotFound(id);
        if (failed.Status is not (RunStatus.Failed or RunStatus.Canceled))
            return Problems.RunConflict("Only failed or cancelled runs can be rerun", $"Run {id} is {failed.Status}.");
        var result = await runs.RerunAsync(failed, ct);
        if (result.Run is not { } run)
            return Problems.RunActive(failed.JobName, result.ActiveRun!);
        return Accepted(request, run);
    }

    private static async Task<IResult> PurgeAsync(string id, IIngestStore store, IFileStorage storage, CancellationToken ct)
    {
        var run = await store.GetRunAsync(id, ct);
        if (run is null)
            return Problems.RunNotFound(id);
        if (!run.Status.IsFinal())
            return Problems.RunConflict("The run is still active", $"Run {id} is {run.Status}; cancel it or let it finish before purging its history.");
        await RunFiles.DeleteStagingAsync(storage, run, ct);
        await store.DeleteRunAsync(id, ct);
        return Results.NoContent();
    }

    internal static async Task<IResult> ListAsync(HttpRequest request, IIngestStore store, string? jobId, CancellationToken ct)
    {
        if (!Paging.TryRead(request, 50, out var skip, out var take, out var errors))
            return Problems.Invalid(errors);
        RunStatus? status = null;
        if (request.Query.TryGetValue("status", out var statusText))
        {
            if (!Enum.TryParse<RunStatus>(statusText, ignoreCase: true, out var parsed) || int.TryParse(statusText, out _))
                return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = [$"'{statusText}' is not a run status; use one of: {string.Join(", ", Enum.GetNames<RunStatus>())}."] });
            status = parsed;
        }
        var page = await store.ListRunsAsync(new RunQuery(jobId, status, skip, take), ct);
        return Results.Ok(PageResponse.From(page, r => RunResponse.From(r), request));
    }

    private static async Task<IResult> GetAsync(string id, IIngestStore store, CancellationToken ct)
    {
        var run = await store.GetRunAsync(id, ct);
        if (run is null)
            return Problems.RunNotFound(id);
        return Results.Ok(RunResponse.From(run, await store.GetStepsAsync(id, ct)));
    }

    private static async Task<IResult> LogsAsync(string id, HttpRequest request, IIngestStore store, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is null)
            return Problems.RunNotFound(id);
        if (!Paging.TryRead(request, 200, out var skip, out var take, out var errors))
            return Problems.Invalid(errors);
        RunLogLevel? level = null;
        if (request.Query.TryGetValue("level", out var levelText))
        {
            if (!TryParseLevel(levelText.ToString(), out var parsed))
                return Problems.Invalid(new Dictionary<string, string[]> { ["level"] = [$"'{levelText}' is not a log level; use debug, information (info), warning or error."] });
            level = parsed;
        }
        var page = await store.ListLogsAsync(new LogQuery(id, level, skip, take), ct);
        return Results.Ok(PageResponse.From(page, LogResponse.From, request));
    }

    private static bool TryParseLevel(string text, out RunLogLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "debug": level = RunLogLevel.Debug; return true;
            case "info" or "information": level = RunLogLevel.Information; return true;
            case "warn" or "warning": level = RunLogLevel.Warning; return true;
            case "error": level = RunLogLevel.Error; return true;
            default: level = default; return false;
        }
    }
}
