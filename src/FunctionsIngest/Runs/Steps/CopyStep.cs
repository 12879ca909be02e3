using System.Text.Json.Nodes;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Runs.Steps;

/// <summary>
/// Reads one work item through the job's transforms and writes it as a staged Parquet part (overwritten on retry);
/// rows the transforms quarantine are staged as a part of the job's quarantine dataset.
/// </summary>
public sealed class CopyStep(IFileStorage storage, IIngestStore store) : IStepExecutor
{
    /// <summary>Warnings logged one by one; the rest are counted.</summary>
    public const int MaxWarningsLogged = 20;

    public StepKind Kind => StepKind.Copy;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var item = IngestJson.Deserialize<WorkItem>(context.Step.Input!);
        var paths = new RunPaths(context.Job, context.Run.Id);
        if (item.AdoptFrom is { } earlierRun && await AdoptAsync(item, earlierRun, paths, context, ct) is { } adopted)
            return adopted;
        return await CopyAsync(item, paths, context, ct);
    }

    /// <summary>Takes over the part(s) an earlier (failed) run staged for this item, if they are still there.</summary>
    private async Task<StepResult?> AdoptAsync(WorkItem item, string earlierRun, RunPaths paths, StepContext context, CancellationToken ct)
    {
        var earlier = (await store.GetStepsAsync(earlierRun, ct)).FirstOrDefault(s => s.Kind == StepKind.Copy && s.Ordinal == context.Step.Ordinal);
        if (earlier?.Output is null)
            return null;
        var output = IngestJson.Deserialize<CopyOutput>(earlier.Output);
        var before = new RunPaths(context.Job, earlierRun);
        if (!await AdoptPartAsync(before.Dataset.StagedPart(item.Part), paths.Dataset.StagedPart(item.Part), ct))
            return null;
        if (output.QuarantinePart is { } quarantined
            && !await AdoptPartAsync(before.Quarantine.StagedPart(quarantined), paths.Quarantine.StagedPart(quarantined), ct))
            return null;
        context.Log.Info($"Reused the part run {earlierRun} had staged for '{item.File}' ({output.RowsWritten} row(s)).",
            new JsonObject { ["file"] = item.File, ["rerunOf"] = earlierRun, ["rowsWritten"] = output.RowsWritten, ["rowsQuarantined"] = output.RowsQuarantined });
        return StepResult.Done(earlier.Output, output.RowsWritten);
    }

    private async Task<bool> AdoptPartAsync(string staged, string own, CancellationToken ct)
    {
        if (await storage.GetFileAsync(staged, ct) is not null)
            await storage.MoveFileAsync(staged, own, ct);
        return await storage.GetFileAsync(own, ct) is not null;
    }

    private async Task<StepResult> CopyAsync(WorkItem item, RunPaths paths, StepContext context, CancellationToken ct)
    {
        await using var local = await storage.GetLocalFileAsync(item.File, ct);
        return await SpeculativeRead.RunAsync(singlePass => CopyFileAsync(item, paths, context, local.Path, singlePass, ct),
            miss => context.Log.Info($"Reading '{item.File}' again in two passes: {miss.Message}", new JsonObject { ["file"] = item.File }));
    }

    /// <summary>One attempt at the copy; a failed attempt leaves no staged part (the write is atomic) and the next overwrites.</summary>
    private async Task<StepResult> CopyFileAsync(WorkItem item, RunPaths paths, StepContext context, string localPath, bool singlePass, CancellationToken ct)
    {
        var job = context.Job;
        var size = new FileInfo(localPath).Length;
        var source = item.Sheet is null || job.Source.Sheets is not null ? job.Source : job.Source with { Sheet = item.Sheet };
        var opened = TableSources.Open(source, localPath, item.File, singlePass);
        var metadata = new Dictionary<string, string>
        {
            ["functionsingest.job"] = job.Name,
            ["functionsingest.run"] = context.Run.Id,
            ["functionsingest.source"] = item.File,
        };
        if (opened.Sheet is { } sheet)
            metadata["functionsingest.sheet"] = sheet;

        QuarantineSpool? quarantine = null;
        using var table = JobTransforms.Apply(opened.Reader, job.Transforms, opened.CreateContext(context.Run.Id, context.Run.CreatedAt),
            batch => quarantine!.Write(batch));
        var quarantineTarget = QuarantineDefinition.For(job);
        using var spool = quarantine = new QuarantineSpool(table.QuarantineSchema, CompressionNames.Parse(quarantineTarget.Compression!), metadata);
        context.Log.Info(opened.Sheet is null ? $"Opened '{item.File}' as {source.Type}." : $"Opened '{item.File}', sheet '{opened.Sheet}'.", new JsonObject
        {
            ["file"] = item.File,
            ["type"] = source.Type,
            ["sheet"] = opened.Sheet,
            ["size"] = size,
            ["columns"] = LogData.Objects(table.Schema.Columns, c => new JsonObject { ["name"] = c.Name, ["type"] = c.Type.ToString() }),
        });

        CopyResult? copied = null;
        await storage.WriteAsync(paths.Dataset.StagedPart(item.Part), (stream, token) =>
        {
            copied = TableCopier.CopyToStream(table, stream, CompressionNames.Parse(job.Destination.Compression), metadata, token);
            return Task.CompletedTask;
        }, ct);
        var result = copied!;
        var quarantinePart = await spool.StageAsync(storage, paths.Quarantine.StagedPart(item.Part), ct) ? item.Part : null;
        var counts = table.Counts;

        foreach (var warning in result.Warnings.Take(MaxWarningsLogged))
            context.Log.Warning(warning.Message, new JsonObject { ["file"] = item.File, ["sheet"] = opened.Sheet, ["cell"] = warning.Location });
        if (result.Warnings.Count > MaxWarningsLogged)
            context.Log.Warning($"{result.Warnings.Count - MaxWarningsLogged} more warning(s) not shown.", new JsonObject { ["total"] = result.Warnings.Count });
        if (counts.RowsQuarantined > 0)
            context.Log.Warning($"{counts.RowsQuarantined} row(s) of '{item.File}' broke a rule and went to quarantine '{quarantineTarget.Path}'.",
                new JsonObject { ["file"] = item.File, ["rowsQuarantined"] = counts.RowsQuarantined, ["quarantine"] = quarantineTarget.Path });

        context.Log.Info($"Read {counts.RowsRead} row(s), wrote {counts.RowsWritten} row(s) to staged part '{item.Part}'" +
            (counts.RowsQuarantined > 0 || counts.RowsFiltered > 0 ? $", quarantined {counts.RowsQuarantined}, filtered out {counts.RowsFiltered}." : "."), new JsonObject
        {
            ["rowsRead"] = counts.RowsRead,
            ["rowsWritten"] = counts.RowsWritten,
            ["rowsQuarantined"] = counts.RowsQuarantined,
            ["rowsFiltered"] = counts.RowsFiltered,
            ["bytes"] = result.Bytes,
            ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 1),
            ["warnings"] = result.Warnings.Count,
        });

        var output = new CopyOutput(item.Part, counts.RowsRead, counts.RowsWritten, result.Bytes, opened.Sheet,
            ColumnInfo.Of(result.Schema))
        {
            RowsQuarantined = counts.RowsQuarantined,
            RowsFiltered = counts.RowsFiltered,
            QuarantinePart = quarantinePart,
            QuarantineSchema = quarantinePart is null ? null : ColumnInfo.Of(table.QuarantineSchema),
        };
        return StepResult.Done(IngestJson.Serialize(output), counts.RowsWritten);
    }
}
