using FunctionsIngest.Runs;
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
        return api;
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
