using FunctionsIngest.Data;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs.Steps;

/// <summary>Resolves the run's inputs into work items: one Copy step each, then one Commit step.</summary>
public sealed class PlanStep(LocalStorage storage) : IStepExecutor
{
    public StepKind Kind => StepKind.Plan;

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var source = context.Job.Source;
        var fullPath = storage.Resolve(source.Path);
        var file = new FileInfo(fullPath);
        if (!file.Exists)
            throw IngestErrors.FileNotFound(source.Path);

        var items = new[] { new WorkItem(source.Path, source.Sheet, "part-00000.parquet", file.Length, file.LastWriteTimeUtc) };
        context.Log.Info($"Planned {items.Length} work item(s) from '{source.Path}'.", new
        {
            file = source.Path,
            size = file.Length,
            modified = file.LastWriteTimeUtc,
            sheet = source.Sheet,
            workItems = items.Length,
        });

        var next = new List<RunStep>();
        for (var i = 0; i < items.Length; i++)
        {
            next.Add(new RunStep
            {
                RunId = context.Run.Id, Kind = StepKind.Copy, Ordinal = i, CreatedAt = context.Now,
                Input = IngestJson.Serialize(items[i]),
            });
        }
        next.Add(new RunStep { RunId = context.Run.Id, Kind = StepKind.Commit, CreatedAt = context.Now });
        return Task.FromResult(new StepResult(IngestJson.Serialize(items), 0, next));
    }
}
