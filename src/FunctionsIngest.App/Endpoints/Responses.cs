using System.Text.Json;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Store;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.App.Endpoints;

/// <summary>
/// A job as the API shows it, with its last run. <see cref="Quarantine"/> is shown with its defaults filled in when
/// the transforms can quarantine rows; <see cref="Warnings"/> (on create and replace only) says what saving could not check yet.
/// </summary>
public sealed record JobResponse(string Id, string Name, IReadOnlyDictionary<string, object?> Source, IReadOnlyList<TransformSpec>? Transforms,
    QuarantineDefinition? Quarantine, DestinationDefinition Destination, string? Schedule, string? TimeZone, bool Enabled, string Overlap,
    string CatchUp, RetryPolicy Retry, DateTimeOffset? NextRunAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, LastRunResponse? LastRun,
    IReadOnlyList<string>? Warnings = null)
{
    public static JobResponse From(Job job, RunRecord? lastRun, DateTimeOffset now, IReadOnlyList<string>? warnings = null)
    {
        var d = job.Definition;
        var next = d.Enabled && d.Schedule is not null ? new ScheduleCalendar(d.Schedule, d.TimeZone).Next(now) : null;
        var quarantine = d.Quarantine is not null || JobTransforms.CanQuarantine(d.Transforms) ? QuarantineDefinition.For(d) : null;
        return new(job.Id, d.Name, SourceView.From(d.Source), d.Transforms, quarantine, d.Destination, d.Schedule, d.TimeZone, d.Enabled, d.Overlap,
            d.CatchUp, d.Retry ?? RetryPolicy.Default, next, job.CreatedAt, job.UpdatedAt, lastRun is null ? null : LastRunResponse.From(lastRun),
            warnings is { Count: > 0 } ? warnings : null);
    }
}

/// <summary>
/// A source as the API shows it: the settings of its type that are set, in the shape a job is written in, so a GET
/// body can be sent back with PUT. Excel always shows its header row (a number or "auto").
/// </summary>
public static class SourceView
{
    public static IReadOnlyDictionary<string, object?> From(SourceDefinition s)
    {
        var view = new Dictionary<string, object?> { ["type"] = s.Type, ["path"] = s.Path };
        switch (s.Type)
        {
            case SourceTypes.Excel:
                Set(view, "sheet", s.Sheet);
                Set(view, "sheets", s.Sheets);
                view["headerRow"] = s.HeaderRow is { } row ? row : "auto";
                Set(view, "range", s.Range);
                Set(view, "includeHiddenSheets", s.IncludeHiddenSheets);
                Set(view, "includeHiddenRows", s.IncludeHiddenRows);
                Set(view, "fillMergedCells", s.FillMergedCells);
                Set(view, "normalizeHeaders", s.NormalizeHeaders);
                break;
            case SourceTypes.Csv:
                Set(view, "delimiter", s.Delimiter);
                Set(view, "quote", s.Quote);
                Set(view, "escape", s.Escape);
                Set(view, "hasHeader", s.HasHeader);
                Set(view, "skipRows", s.SkipRows);
                Set(view, "encoding", s.Encoding);
                Set(view, "culture", s.Culture);
                break;
            case SourceTypes.Json:
                Set(view, "layout", s.Layout);
                break;
        }
        view["incremental"] = s.Incremental;
        Set(view, "schema", s.Schema?.Select(c => new SchemaColumnView(c.Name, c.Type.ToString().ToLowerInvariant(), c.Format, c.Nullable)).ToArray());
        return view;
    }

    private static void Set(Dictionary<string, object?> view, string name, object? value)
    {
        if (value is not null)
            view[name] = value;
    }
}

/// <summary>A schema column as jobs are written: the type in lower case.</summary>
public sealed record SchemaColumnView(string Name, string Type, string? Format, bool Nullable);

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
    long RowsRead, long RowsWritten, long RowsQuarantined, IReadOnlyList<string> Output, string? Error, RunProgress? CustomStatus,
    DateTimeOffset? ScheduledFor, string? RerunOf, IReadOnlyList<StepResponse>? Steps)
{
    public static RunResponse From(RunRecord run, IReadOnlyList<RunStep>? steps = null) => new(run.Id, run.Id, run.JobId, run.JobName,
        run.Status, run.Trigger, run.CreatedAt, run.LastUpdatedAt, run.StartedAt, run.CompletedAt, run.RowsRead, run.RowsWritten,
        run.RowsQuarantined, run.Output, run.Error, steps is null ? null : Progress(run, steps), run.ScheduledFor, run.RerunOf,
        steps?.Select(StepResponse.From).ToArray());

    /// <summary>The Durable customStatus: where the run is and how far it got, derived from its steps.</summary>
    private static RunProgress Progress(RunRecord run, IReadOnlyList<RunStep> steps)
    {
        var copies = steps.Where(s => s.Kind == StepKind.Copy).ToArray();
        var current = steps.LastOrDefault(s => s.Status == StepStatus.Running) ?? (steps.Count > 0 ? steps[^1] : null);
        return new(run.Status.IsFinal() ? null : current is null ? null : StepRunner.StepName(current),
            copies.Count(s => s.Status == StepStatus.Completed), copies.Length, copies.Where(s => s.Status == StepStatus.Completed).Sum(s => s.Rows));
    }
}

/// <summary>The Durable customStatus of a run: the step it is in (none once final) and its copies so far.</summary>
public sealed record RunProgress(string? Step, int WorkItemsDone, int WorkItemsTotal, long RowsSoFar);

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
