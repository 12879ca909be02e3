using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs.Steps;

/// <summary>
/// Publishes the staged parts into the dataset, writes the run manifest, and removes the staging
/// folder. Idempotent: a part already moved by an earlier attempt is not moved again.
/// </summary>
public sealed class CommitStep(LocalStorage storage, IIngestStore store) : IStepExecutor
{
    public StepKind Kind => StepKind.Commit;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var paths = new DatasetPaths(storage, context.Job.Destination.Path, context.Run.Id);
        var steps = await store.GetStepsAsync(context.Run.Id, ct);
        var inputs = steps.Where(s => s.Kind == StepKind.Copy).OrderBy(s => s.Ordinal)
            .Select(s => (Item: IngestJson.Deserialize<WorkItem>(s.Input!), Output: IngestJson.Deserialize<CopyOutput>(s.Output!)))
            .ToArray();

        var published = new List<string>();
        foreach (var (_, output) in inputs)
        {
            var staged = paths.StagedPart(output.Part);
            var target = paths.PublishedPart(output.Part);
            if (File.Exists(staged))
                File.Move(staged, target, overwrite: true);
            else if (!File.Exists(target))
                throw new InvalidOperationException($"Staged part '{output.Part}' of run {context.Run.Id} is missing; the copy must run again.");
            published.Add(storage.ToRelative(target));
        }

        var rowsRead = inputs.Sum(i => i.Output.RowsRead);
        var rowsWritten = inputs.Sum(i => i.Output.RowsWritten);
        var manifest = new RunManifest(context.Run.Id, context.Run.JobId, context.Job.Name, context.Now,
            inputs.Select(i => new ManifestInput(i.Item.File, i.Item.Size, i.Item.Modified, i.Output.Sheet, i.Output.RowsRead)).ToArray(),
            published.Zip(inputs, (file, i) => new ManifestPart(file, i.Output.RowsWritten, i.Output.Bytes)).ToArray(),
            inputs.FirstOrDefault().Output?.Schema ?? []);
        Directory.CreateDirectory(paths.Manifests);
        var tempManifest = paths.Manifest + ".tmp";
        await File.WriteAllTextAsync(tempManifest, IngestJson.Serialize(manifest), ct);
        File.Move(tempManifest, paths.Manifest, overwrite: true);
        paths.DeleteStaging();

        context.Log.Info($"Committed {published.Count} part(s), {rowsWritten} row(s), to '{context.Job.Destination.Path}'.", new
        {
            dataset = context.Job.Destination.Path,
            parts = published,
            rowsRead,
            rowsWritten,
            manifest = storage.ToRelative(paths.Manifest),
        });
        return new StepResult(IngestJson.Serialize(new CommitOutput(published, rowsRead, rowsWritten)), rowsWritten, []);
    }
}

/// <summary>The result of a commit, copied onto the run record.</summary>
public sealed record CommitOutput(IReadOnlyList<string> Files, long RowsRead, long RowsWritten);

/// <summary>The file a commit leaves in the dataset's _manifests folder, describing what the run published.</summary>
public sealed record RunManifest(string RunId, string JobId, string Job, DateTimeOffset CommittedAt,
    IReadOnlyList<ManifestInput> Inputs, IReadOnlyList<ManifestPart> Parts, IReadOnlyList<ColumnInfo> Schema);

public sealed record ManifestInput(string File, long Size, DateTimeOffset Modified, string Sheet, long Rows);

public sealed record ManifestPart(string File, long Rows, long Bytes);
