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

        CheckSameSchema(inputs);
        var runFolder = paths.RunFolder(context.Run.CreatedAt);
        if (inputs.Length > 0)
            Publish(paths, runFolder, inputs.Select(i => i.Output.Part).ToHashSet(StringComparer.Ordinal), context.Run.Id);
        var published = inputs.Select(i => storage.ToRelative(Path.Combine(runFolder, i.Output.Part))).ToList();

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
        if (context.Job.Source.Incremental)
            await store.AdvanceWatermarkAsync(context.Run.JobId, inputs.Select(i => new FileVersion(i.Item.File, i.Item.Size, i.Item.Modified)).ToArray(), ct);
        paths.DeleteStaging();
        if (context.Run.RerunOf is { } earlier)
            new DatasetPaths(storage, context.Job.Destination.Path, earlier).DeleteStaging();

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

    /// <summary>
    /// Moves the run's staging folder into the dataset in one rename (atomic on one file system). A retry after
    /// a crash finds it already moved. Anything but the expected parts (a temporary file left by a killed copy)
    /// is removed first, so that only whole parts are ever published.
    /// </summary>
    private static void Publish(DatasetPaths paths, string runFolder, IReadOnlySet<string> parts, string runId)
    {
        if (Directory.Exists(paths.Staging))
        {
            foreach (var file in Directory.EnumerateFiles(paths.Staging))
            {
                if (!parts.Contains(Path.GetFileName(file)))
                    File.Delete(file);
            }
            var missing = parts.FirstOrDefault(p => !File.Exists(paths.StagedPart(p)));
            if (missing is not null)
                throw new InvalidOperationException($"Staged part '{missing}' of run {runId} is missing; the run must be rerun.");
            Directory.CreateDirectory(paths.Dataset);
            Directory.Move(paths.Staging, runFolder);
        }
        else if (!Directory.Exists(runFolder))
        {
            throw new InvalidOperationException($"The staged parts of run {runId} are missing; the run must be rerun.");
        }
    }

    /// <summary>All parts of one commit must share a schema, or a reader of the dataset would fail on the mix.</summary>
    private static void CheckSameSchema(IReadOnlyList<(WorkItem Item, CopyOutput Output)> inputs)
    {
        if (inputs.Count < 2)
            return;
        var first = inputs[0];
        foreach (var other in inputs.Skip(1))
        {
            if (!other.Output.Schema.SequenceEqual(first.Output.Schema))
                throw new SchemaMismatchException(
                    $"Schema mismatch: '{first.Item.File}' has columns ({Describe(first.Output.Schema)}) but '{other.Item.File}' has ({Describe(other.Output.Schema)}).");
        }
    }

    private static string Describe(IReadOnlyList<ColumnInfo> schema) => string.Join(", ", schema.Select(c => $"{c.Name}: {c.Type}"));
}

/// <summary>Parts of one run disagree on their columns; permanent (retrying reads the same files).</summary>
public sealed class SchemaMismatchException(string message) : Exception(message);

/// <summary>The result of a commit, copied onto the run record.</summary>
public sealed record CommitOutput(IReadOnlyList<string> Files, long RowsRead, long RowsWritten);

/// <summary>The file a commit leaves in the dataset's _manifests folder, describing what the run published.</summary>
public sealed record RunManifest(string RunId, string JobId, string Job, DateTimeOffset CommittedAt,
    IReadOnlyList<ManifestInput> Inputs, IReadOnlyList<ManifestPart> Parts, IReadOnlyList<ColumnInfo> Schema);

public sealed record ManifestInput(string File, long Size, DateTimeOffset Modified, string Sheet, long Rows);

public sealed record ManifestPart(string File, long Rows, long Bytes);
