using System.Text.Json;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Store;

namespace FunctionsIngest.App.Endpoints;

/// <summary>A job as the API shows it, with its last run.</summary>
public sealed record JobResponse(string Id, string Name, SourceDefinition Source, DestinationDefinition Destination,
    string? Schedule, string? TimeZone, bool Enabled, string Overlap, string CatchUp, RetryPolicy Retry, DateTimeOffset? NextRunAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, LastRunResponse? LastRun)
{
    public static JobResponse From(Job job, RunRecord? lastRun, DateTimeOffset now)
    {
        var d = job.Definition;
        var next = d.Enabled && d.Schedule is not null ? new ScheduleCalendar(d.Schedule, d.TimeZone).Next(now) : null;
        return new(job.Id, d.Name, d.Source, d.Destination, d.Schedule, d.TimeZone, d.Enabled, d.Overlap, d.CatchUp,
            d.Retry ?? RetryPolicy.Default, next, job.CreatedAt, job.UpdatedAt, lastRun is null ? null : LastRunResponse.From(lastRun));
    }
}

/// <summary>The at-a-glance summary of a job's most recent run.</summary>
public sealed record LastRunResponse(string Id, RunStatus RuntimeStatus, DateTimeOffset CreatedTime, DateTimeOffset? StartedTime,
    DateTimeOffset? CompletedTime, long RowsWritten, string? Error)
{
    public static LastRunResponse From(RunRecord run) =>
        new(run.Id, run.Status, run.CreatedAt, run.StartedAt, run.CompletedAt, run.RowsWritten, run.Error);
}

/// <summary>The run status document (the Durable Functions shape plus ingestion counts).</summary>
public sealed record RunResponse(string Id, string InstanceId, string JobId, string Name, RunStatus RuntimeStatus, string Trigger,
    DateTimeOffset CreatedTime, DateTimeOffset LastUpdatedTime, DateTimeOffset? StartedTime, DateTimeOffset? CompletedTime,
    long RowsRead, long RowsWritten, IReadOnlyList<string> Output, string? Error, JsonElement? CustomStatus,
    DateTimeOffset? ScheduledFor, string? RerunOf, IReadOnlyList<StepResponse>? Steps)
{
    public static RunResponse From(RunRecord run, IReadOnlyList<RunStep>? steps = null) => new(run.Id, run.Id, run.JobId, run.JobName,
        run.Status, run.Trigger, run.CreatedAt, run.LastUpdatedAt, run.StartedAt, run.CompletedAt, run.RowsRead, run.RowsWritten,
        run.Output, run.Error, steps is null ? null : Progress(run, steps), run.ScheduledFor, run.RerunOf,
        steps?.Select(StepResponse.From).ToArray());

    /// <summary>The Durable customStatus: where the run is and how far it got, derived from its steps.</summary>
    private static JsonElement Progress(RunRecord run, IReadOnlyList<RunStep> steps)
    {
        var copies = steps.Where(s => s.Kind == StepKind.Copy).ToArray();
        var current = steps.LastOrDefault(s => s.Status == StepStatus.Running) ?? (steps.Count > 0 ? steps[^1] : null);
        return JsonSerializer.SerializeToElement(new
        {
            step = run.Status.IsFinal() ? null : current is null ? null : StepRunner.StepName(current),
            workItemsDone = copies.Count(s => s.Status == StepStatus.Completed),
            workItemsTotal = copies.Length,
            rowsSoFar = copies.Where(s => s.Status == StepStatus.Completed).Sum(s => s.Rows),
        }, FunctionsIngest.IngestJson.Options);
    }
}

/// <summary>One orchestration step of a run, as shown in its status.</summary>
public sealed record StepResponse(string Name, StepKind Kind, StepStatus Status, int Attempt, long Rows,
    DateTimeOffset? StartedTime, DateTimeOffset? CompletedTime, string? Error)
{
    public static StepResponse From(RunStep step) => new(StepRunner.StepName(step), step.Kind, step.Status, step.Attempt, step.Rows,
        step.StartedAt, step.CompletedAt, step.Error);
}

/// <summary>The start response: the status document plus the management URLs of the Durable contract.</summary>
public sealed record RunStartedResponse(string Id, string StatusQueryGetUri, string LogsGetUri, string CancelPostUri,
    string RerunPostUri, string PurgeHistoryDeleteUri, RunResponse Status)
{
    public static RunStartedResponse From(RunRecord run)
    {
        var status = $"/api/runs/{run.Id}";
        return new(run.Id, status, $"{status}/logs", $"{status}/cancel", $"{status}/rerun", status, RunResponse.From(run));
    }
}

/// <summary>A run log row; <see cref="Data"/> is the structured payload.</summary>
public sealed record LogResponse(long Id, DateTimeOffset Timestamp, RunLogLevel Level, string Step, string Message, JsonElement? Data)
{
    public static LogResponse From(RunLogEntry entry) => new(entry.Id, entry.Timestamp, entry.Level, entry.Step, entry.Message,
        entry.Data is null ? null : JsonDocument.Parse(entry.Data).RootElement.Clone());
}

/// <summary>A page of results, with the link to the next page when there is one.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Skip, int Take, string? NextLink);

public static class PageResponse
{
    public static PageResponse<T> From<TSource, T>(Page<TSource> page, Func<TSource, T> map, HttpRequest request)
    {
        var next = page.Skip + page.Items.Count < page.Total ? Paging.NextLink(request, page.Skip + page.Take, page.Take) : null;
        return new(page.Items.Select(map).ToArray(), page.Total, page.Skip, page.Take, next);
    }
}
