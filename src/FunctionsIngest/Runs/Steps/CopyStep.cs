using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs.Steps;

/// <summary>Reads one work item and writes it as a staged Parquet part (overwritten on retry).</summary>
public sealed class CopyStep(IFileStorage storage, IIngestStore store) : IStepExecutor
{
    /// <summary>Warnings logged one by one; the rest are counted.</summary>
    public const int MaxWarningsLogged = 20;

    public StepKind Kind => StepKind.Copy;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
    {
        var item = IngestJson.Deserialize<WorkItem>(context.Step.Input!);
        var paths = new DatasetPaths(context.Job.Destination.Path, context.Run.Id);
        if (item.AdoptFrom is { } earlierRun && await AdoptAsync(item, earlierRun, paths, context, ct) is { } adopted)
            return adopted;
        return await CopyAsync(item, paths, context, ct);
    }

    /// <summary>Takes over the part an earlier (failed) run staged for this item, if it is still there.</summary>
    private async Task<StepResult?> AdoptAsync(WorkItem item, string earlierRun, DatasetPaths paths, StepContext context, CancellationToken ct)
    {
        var earlier = (await store.GetStepsAsync(earlierRun, ct)).FirstOrDefault(s => s.Kind == StepKind.Copy && s.Ordinal == context.Step.Ordinal);
        if (earlier?.Output is null)
            return null;
        var staged = new DatasetPaths(context.Job.Destination.Path, earlierRun).StagedPart(item.Part);
        var own = paths.StagedPart(item.Part);
        if (await storage.GetFileAsync(staged, ct) is not null)
            await storage.MoveFileAsync(staged, own, ct);
        if (await storage.GetFileAsync(own, ct) is null)
            return null;
        var output = IngestJson.Deserialize<CopyOutput>(earlier.Output);
        context.Log.Info($"Reused the part run {earlierRun} had staged for '{item.File}' ({output.RowsWritten} row(s)).",
            new { file = item.File, rerunOf = earlierRun, rowsWritten = output.RowsWritten });
        return StepResult.Done(earlier.Output, output.RowsWritten);
    }

    private async Task<StepResult> CopyAsync(WorkItem item, DatasetPaths paths, StepContext context, CancellationToken ct)
    {
        await using var source = await storage.GetLocalFileAsync(item.File, ct);
        var size = new FileInfo(source.Path).Length;
        var options = new ExcelReadOptions { Sheet = item.Sheet, HeaderRow = context.Job.Source.HeaderRow, DisplayName = item.File };

        using var reader = ExcelTableReader.Open(source.Path, options);
        context.Log.Info($"Opened '{item.File}', sheet '{reader.SheetName}'.", new
        {
            file = item.File,
            sheet = reader.SheetName,
            size,
            columns = reader.Schema.Columns.Select(c => new { name = c.Name, type = c.Type.ToString() }),
        });

        var metadata = new Dictionary<string, string>
        {
            ["functionsingest.job"] = context.Job.Name,
            ["functionsingest.run"] = context.Run.Id,
            ["functionsingest.source"] = item.File,
            ["functionsingest.sheet"] = reader.SheetName,
        };
        CopyResult? copied = null;
        await storage.WriteAsync(paths.StagedPart(item.Part), (stream, token) =>
        {
            copied = TableCopier.CopyToStream(reader, stream, CompressionNames.Parse(context.Job.Destination.Compression), metadata, token);
            return Task.CompletedTask;
        }, ct);
        var result = copied!;

        foreach (var warning in result.Warnings.Take(MaxWarningsLogged))
            context.Log.Warning(warning.Message, new { file = item.File, sheet = reader.SheetName, cell = warning.Location });
        if (result.Warnings.Count > MaxWarningsLogged)
            context.Log.Warning($"{result.Warnings.Count - MaxWarningsLogged} more warning(s) not shown.", new { total = result.Warnings.Count });

        context.Log.Info($"Read {result.RowsRead} row(s), wrote {result.RowsWritten} row(s) to staged part '{item.Part}'.", new
        {
            rowsRead = result.RowsRead,
            rowsWritten = result.RowsWritten,
            bytes = result.Bytes,
            durationMs = Math.Round(result.Duration.TotalMilliseconds, 1),
            warnings = result.Warnings.Count,
        });

        var output = new CopyOutput(item.Part, result.RowsRead, result.RowsWritten, result.Bytes, reader.SheetName,
            result.Schema.Columns.Select(c => new ColumnInfo(c.Name, c.Type.ToString(), c.Nullable)).ToArray());
        return StepResult.Done(IngestJson.Serialize(output), result.RowsWritten);
    }
}
