using System.Text.Json.Nodes;
using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs.Steps;

/// <summary>
/// Resolves the run's inputs into work items (one file each; a pattern may match many; an incremental
/// source keeps only new or changed files) and adds one Copy step per item, then the Commit step.
/// A rerun instead takes the failed run's items, reusing the parts it had already staged.
/// </summary>
public sealed class PlanStep(IFileStorage storage, IIngestStore store) : IStepExecutor
{
    public StepKind Kind => StepKind.Plan;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var items = context.Step.Input is { } input
            ? await RerunItemsAsync(IngestJson.Deserialize<RerunPlan>(input).RerunOf, context, ct)
            : await SourceItemsAsync(context, ct);

        var next = new List<RunStep>();
        for (var i = 0; i < items.Count; i++)
        {
            next.Add(new RunStep
            {
                RunId = context.Run.Id, Kind = StepKind.Copy, Ordinal = i, CreatedAt = context.Now,
                Input = IngestJson.Serialize(items[i]),
            });
        }
        next.Add(new RunStep { RunId = context.Run.Id, Kind = StepKind.Commit, CreatedAt = context.Now });
        return new StepResult(IngestJson.Serialize(items), 0, next);
    }

    private async Task<IReadOnlyList<WorkItem>> SourceItemsAsync(StepContext context, CancellationToken ct)
    {
        var source = context.Job.Source;
        var versions = FilePattern.HasWildcard(source.Path)
            ? (await new FilePattern(source.Path).ExpandAsync(storage, refused => context.Log.Warning($"Skipped a match: {refused}"), ct))
                .Select(f => new FileVersion(f.Path, f.Size, f.Modified)).ToList()
            : [await SingleFileAsync(source.Path, ct)];
        var matched = versions.Count;
        if (source.Incremental)
        {
            var watermark = await store.GetWatermarkAsync(context.Run.JobId, ct);
            versions.RemoveAll(v => watermark.TryGetValue(v.File, out var seen) && seen.Size == v.Size && seen.Modified == v.Modified);
        }
        var items = versions.Select((v, i) => new WorkItem(v.File, source.Sheet, PartName(i), v.Size, v.Modified)).ToArray();
        context.Log.Info($"Planned {items.Length} work item(s) from '{source.Path}'" +
            (source.Incremental ? $" ({matched - items.Length} of {matched} matching file(s) already ingested)." : "."), new JsonObject
        {
            ["pattern"] = source.Path,
            ["matched"] = matched,
            ["incremental"] = source.Incremental,
            ["workItems"] = LogData.Objects(items, i => new JsonObject { ["file"] = i.File, ["size"] = i.Size, ["modified"] = i.Modified, ["sheet"] = i.Sheet }),
        });
        return items;
    }

    private async Task<IReadOnlyList<WorkItem>> RerunItemsAsync(string failedRunId, StepContext context, CancellationToken ct)
    {
        var steps = await store.GetStepsAsync(failedRunId, ct);
        var failedPaths = new DatasetPaths(context.Job.Destination.Path, failedRunId);
        var items = new List<WorkItem>();
        foreach (var step in steps.Where(s => s.Kind == StepKind.Copy).OrderBy(s => s.Ordinal))
        {
            var item = IngestJson.Deserialize<WorkItem>(step.Input!);
            var reusable = step.Status == StepStatus.Completed && await storage.GetFileAsync(failedPaths.StagedPart(item.Part), ct) is not null;
            items.Add(item with { AdoptFrom = reusable ? failedRunId : null });
        }
        context.Log.Info($"Rerun of run {failedRunId}: {items.Count(i => i.AdoptFrom is null)} work item(s) to copy again, {items.Count(i => i.AdoptFrom is not null)} reused.",
            new JsonObject { ["rerunOf"] = failedRunId, ["workItems"] = items.Count, ["reused"] = items.Count(i => i.AdoptFrom is not null) });
        return items;
    }

    private async Task<FileVersion> SingleFileAsync(string path, CancellationToken ct)
    {
        var file = await storage.GetFileAsync(path, ct) ?? throw IngestErrors.FileNotFound(path);
        return new FileVersion(file.Path, file.Size, file.Modified);
    }

    public static string PartName(int index) => $"part-{index.ToString("00000", CultureInfo.InvariantCulture)}.parquet";
}
