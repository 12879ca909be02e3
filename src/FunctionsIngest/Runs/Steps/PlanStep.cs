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
public sealed class PlanStep(LocalStorage storage, IIngestStore store) : IStepExecutor
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
        var files = FilePattern.HasWildcard(source.Path)
            ? new FilePattern(source.Path).Expand(storage, refused => context.Log.Warning($"Skipped a match: {refused}"))
            : [SingleFile(source.Path)];
        var versions = files.Select(f => Version(f)).ToList();
        var matched = versions.Count;
        if (source.Incremental)
        {
            var watermark = await store.GetWatermarkAsync(context.Run.JobId, ct);
            versions.RemoveAll(v => watermark.TryGetValue(v.File, out var seen) && seen.Size == v.Size && seen.Modified == v.Modified);
        }
        var items = versions.Select((v, i) => new WorkItem(v.File, source.Sheet, PartName(i), v.Size, v.Modified)).ToArray();
        context.Log.Info($"Planned {items.Length} work item(s) from '{source.Path}'" +
            (source.Incremental ? $" ({matched - items.Length} of {matched} matching file(s) already ingested)." : "."), new
        {
            pattern = source.Path,
            matched,
            incremental = source.Incremental,
            workItems = items.Select(i => new { file = i.File, size = i.Size, modified = i.Modified, sheet = i.Sheet }),
        });
        return items;
    }

    private async Task<IReadOnlyList<WorkItem>> RerunItemsAsync(string failedRunId, StepContext context, CancellationToken ct)
    {
        var steps = await store.GetStepsAsync(failedRunId, ct);
        var failedPaths = new DatasetPaths(storage, context.Job.Destination.Path, failedRunId);
        var items = steps.Where(s => s.Kind == StepKind.Copy).OrderBy(s => s.Ordinal)
            .Select(s => (Step: s, Item: IngestJson.Deserialize<WorkItem>(s.Input!)))
            .Select(x => x.Step.Status == StepStatus.Completed && File.Exists(failedPaths.StagedPart(x.Item.Part))
                ? x.Item with { AdoptFrom = failedRunId }
                : x.Item with { AdoptFrom = null })
            .ToArray();
        context.Log.Info($"Rerun of run {failedRunId}: {items.Count(i => i.AdoptFrom is null)} work item(s) to copy again, {items.Count(i => i.AdoptFrom is not null)} reused.",
            new { rerunOf = failedRunId, workItems = items.Length, reused = items.Count(i => i.AdoptFrom is not null) });
        return items;
    }

    private string SingleFile(string path)
    {
        if (!File.Exists(storage.Resolve(path)))
            throw IngestErrors.FileNotFound(path);
        return path;
    }

    private FileVersion Version(string relativePath)
    {
        var info = new FileInfo(storage.Resolve(relativePath));
        return new FileVersion(relativePath, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    public static string PartName(int index) => $"part-{index.ToString("00000", CultureInfo.InvariantCulture)}.parquet";
}
