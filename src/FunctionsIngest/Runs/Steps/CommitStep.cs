using System.Text.Json.Nodes;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs.Steps;

/// <summary>
/// Publishes the staged parts into the dataset (and the quarantined rows' parts into the quarantine dataset), writes
/// the run manifest last, and removes the staging folders. Idempotent: a part already moved by an earlier attempt is
/// not moved again.
/// </summary>
public sealed class CommitStep(IFileStorage storage, IIngestStore store) : IStepExecutor
{
    public StepKind Kind => StepKind.Commit;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var runPaths = new RunPaths(context.Job, context.Run.Id);
        var paths = runPaths.Dataset;
        var steps = await store.GetStepsAsync(context.Run.Id, ct);
        var inputs = steps.Where(s => s.Kind == StepKind.Copy).OrderBy(s => s.Ordinal)
            .Select(s => (Item: IngestJson.Deserialize<WorkItem>(s.Input!), Output: IngestJson.Deserialize<CopyOutput>(s.Output!)))
            .ToArray();

        CheckSameSchema(inputs);
        var quarantined = inputs.Where(i => i.Output.QuarantinePart is not null).ToArray();
        WarnIfQuarantineSchemasDiffer(quarantined, context);
        var quarantineFolder = runPaths.Quarantine.RunFolder(context.Run.CreatedAt);
        if (quarantined.Length > 0)
            await PublishAsync(runPaths.Quarantine, quarantineFolder, quarantined.Select(i => i.Output.QuarantinePart!).ToHashSet(StringComparer.Ordinal), context.Run.Id, ct);
        var runFolder = paths.RunFolder(context.Run.CreatedAt);
        if (inputs.Length > 0)
            await PublishAsync(paths, runFolder, inputs.Select(i => i.Output.Part).ToHashSet(StringComparer.Ordinal), context.Run.Id, ct);
        var published = inputs.Select(i => $"{runFolder}/{i.Output.Part}").ToList();

        var rowsRead = inputs.Sum(i => i.Output.RowsRead);
        var rowsWritten = inputs.Sum(i => i.Output.RowsWritten);
        var rowsQuarantined = inputs.Sum(i => i.Output.RowsQuarantined);
        var manifest = new RunManifest(context.Run.Id, context.Run.JobId, context.Job.Name, context.Now,
            inputs.Select(i => new ManifestInput(i.Item.File, i.Item.Size, i.Item.Modified, i.Output.Sheet, i.Output.RowsRead)).ToArray(),
            published.Zip(inputs, (file, i) => new ManifestPart(file, i.Output.RowsWritten, i.Output.Bytes)).ToArray(),
            inputs.FirstOrDefault().Output?.Schema ?? [])
        {
            RowsQuarantined = rowsQuarantined,
            QuarantineParts = quarantined.Select(i => new ManifestPart($"{quarantineFolder}/{i.Output.QuarantinePart}", i.Output.RowsQuarantined, 0)).ToArray(),
        };
        var manifestBytes = System.Text.Encoding.UTF8.GetBytes(IngestJson.Serialize(manifest));
        await storage.WriteAsync(paths.Manifest, (stream, token) => stream.WriteAsync(manifestBytes, token).AsTask(), ct);
        if (context.Job.Source.Incremental)
            await store.AdvanceWatermarkAsync(context.Run.JobId, inputs.Select(i => new FileVersion(i.Item.File, i.Item.Size, i.Item.Modified)).ToArray(), ct);
        await paths.DeleteStagingAsync(storage, ct);
        await runPaths.Quarantine.DeleteStagingAsync(storage, ct);
        if (context.Run.RerunOf is { } earlier)
        {
            var before = new RunPaths(context.Job, earlier);
            await before.Dataset.DeleteStagingAsync(storage, ct);
            await before.Quarantine.DeleteStagingAsync(storage, ct);
        }

        context.Log.Info($"Committed {published.Count} part(s), {rowsWritten} row(s), to '{context.Job.Destination.Path}'.", new JsonObject
        {
            ["dataset"] = context.Job.Destination.Path,
            ["parts"] = LogData.Strings(published),
            ["rowsRead"] = rowsRead,
            ["rowsWritten"] = rowsWritten,
            ["rowsQuarantined"] = rowsQuarantined,
            ["quarantine"] = quarantined.Length > 0 ? runPaths.Quarantine.Dataset : null,
            ["manifest"] = paths.Manifest,
        });
        return new StepResult(IngestJson.Serialize(new CommitOutput(published, rowsRead, rowsWritten) { RowsQuarantined = rowsQuarantined }), rowsWritten, []);
    }

    /// <summary>
    /// Moves the run's staging folder into the dataset: one rename on local storage (atomic), copies then deletes on
    /// blob storage (a retry after a crash finishes it, the staging copy staying whole until every part is copied).
    /// Anything but the expected parts (a temporary file left by a killed copy) is removed first, so that only whole
    /// parts are ever published.
    /// </summary>
    private async Task PublishAsync(DatasetPaths paths, string runFolder, IReadOnlySet<string> parts, string runId, CancellationToken ct)
    {
        var staged = await storage.ListFilesAsync(paths.Staging, null, ct);
        if (staged.Count > 0)
        {
            foreach (var file in staged.Where(f => !parts.Contains(f.Path[(paths.Staging.Length + 1)..])))
                await storage.DeleteAsync(file.Path, ct);
            var present = staged.Select(f => f.Path[(paths.Staging.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
            var missing = parts.FirstOrDefault(p => !present.Contains(p));
            if (missing is not null)
                throw new InvalidOperationException($"Staged part '{missing}' of run {runId} is missing; the run must be rerun.");
            await storage.MoveFolderAsync(paths.Staging, runFolder, ct);
        }
        else if ((await storage.ListFilesAsync(runFolder, null, ct)).Count == 0)
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

    /// <summary>
    /// Quarantine parts keep the columns as each file was read, so two files whose outputs agree (a cast made them so)
    /// can still disagree there. Not worth failing the run for: the log says which parts differ.
    /// </summary>
    private static void WarnIfQuarantineSchemasDiffer(IReadOnlyList<(WorkItem Item, CopyOutput Output)> quarantined, StepContext context)
    {
        var known = quarantined.Where(i => i.Output.QuarantineSchema is not null).ToArray();
        if (known.Length < 2)
            return;
        var first = known[0];
        var other = known.Skip(1).FirstOrDefault(i => !i.Output.QuarantineSchema!.SequenceEqual(first.Output.QuarantineSchema!));
        if (other.Output is null)
            return;
        context.Log.Warning(
            $"The quarantine parts of this run differ in columns: '{first.Item.File}' has ({Describe(first.Output.QuarantineSchema!)}) but " +
            $"'{other.Item.File}' has ({Describe(other.Output.QuarantineSchema!)}); read them by column name (DuckDB: union_by_name).",
            new JsonObject { ["files"] = LogData.Strings([first.Item.File, other.Item.File]), ["parts"] = LogData.Strings([first.Output.QuarantinePart, other.Output.QuarantinePart]) });
    }

    private static string Describe(IReadOnlyList<ColumnInfo> schema) => string.Join(", ", schema.Select(c => $"{c.Name}: {c.Type}"));
}

/// <summary>Parts of one run disagree on their columns; permanent (retrying reads the same files).</summary>
public sealed class SchemaMismatchException(string message) : Exception(message);

/// <summary>The result of a commit, copied onto the run record.</summary>
public sealed record CommitOutput(IReadOnlyList<string> Files, long RowsRead, long RowsWritten)
{
    public long RowsQuarantined { get; init; }
}

/// <summary>The file a commit leaves in the dataset's _manifests folder, describing what the run published.</summary>
public sealed record RunManifest(string RunId, string JobId, string Job, DateTimeOffset CommittedAt,
    IReadOnlyList<ManifestInput> Inputs, IReadOnlyList<ManifestPart> Parts, IReadOnlyList<ColumnInfo> Schema)
{
    public long RowsQuarantined { get; init; }

    /// <summary>The parts published into the job's quarantine dataset (Bytes not recorded: 0).</summary>
    public IReadOnlyList<ManifestPart> QuarantineParts { get; init; } = [];
}

public sealed record ManifestInput(string File, long Size, DateTimeOffset Modified, string? Sheet, long Rows);

public sealed record ManifestPart(string File, long Rows, long Bytes);
