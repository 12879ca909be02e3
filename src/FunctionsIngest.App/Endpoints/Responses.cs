using System.Text.Json;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Store;

namespace FunctionsIngest.App.Endpoints;

/// <summary>A job as the API shows it, with its last run.</summary>
public sealed record JobResponse(string Id, string Name, SourceDefinition Source, DestinationDefinition Destination,
    string? Schedule, string? TimeZone, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, LastRunResponse? LastRun)
{
    public static JobResponse From(Job job, RunRecord? lastRun) => new(job.Id, job.Definition.Name, job.Definition.Source,
        job.Definition.Destination, job.Definition.Schedule, job.Definition.TimeZone, job.Definition.Enabled,
        job.CreatedAt, job.UpdatedAt, lastRun is null ? null : LastRunResponse.From(lastRun));
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
    IReadOnlyList<StepResponse>? Steps)
{
    public static RunResponse From(RunRecord run, IReadOnlyList<RunStep>? steps = null) => new(run.Id, run.Id, run.JobId, run.JobName,
        run.Status, run.Trigger, run.CreatedAt, run.LastUpdatedAt, run.StartedAt, run.CompletedAt, run.RowsRead, run.RowsWritten,
        run.Output, run.Error, run.CustomStatus is null ? null : JsonDocument.Parse(run.CustomStatus).RootElement.Clone(),
        steps?.Select(StepResponse.From).ToArray());
}

/// <summary>One orchestration step of a run, as shown in its status.</summary>
public sealed record StepResponse(string Name, StepKind Kind, StepStatus Status, int Attempt, long Rows,
    DateTimeOffset? StartedTime, DateTimeOffset? CompletedTime, string? Error)
{
    public static StepResponse From(RunStep step) => new(StepRunner.StepName(step), step.Kind, step.Status, step.Attempt, step.Rows,
        step.StartedAt, step.CompletedAt, step.Error);
}

/// <summary>The start response: the status document plus the management URLs of the Durable contract.</summary>
public sealed record RunStartedResponse(string Id, string StatusQueryGetUri, string LogsGetUri, RunResponse Status);

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
