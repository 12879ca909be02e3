using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms;

/// <summary>
/// A job's transforms over an opened source: the reader a run copies to the dataset, with the quarantined rows handed
/// to a callback and the counts a run reports. With no transforms the source passes through untouched.
/// </summary>
public static class JobTransforms
{
    /// <summary>
    /// Wraps <paramref name="reader"/> (which the result then owns) in the job's transforms. Quarantine batches go to
    /// <paramref name="onQuarantine"/> as they occur, in <see cref="TransformedTable.QuarantineSchema"/>; consume each
    /// before returning. Invalid transforms throw an <see cref="IngestException"/> listing every problem.
    /// </summary>
    public static TransformedTable Apply(ITableReader reader, IReadOnlyList<TransformSpec>? transforms, TransformContext context,
        Action<RecordBatch>? onQuarantine)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        if (transforms is not { Count: > 0 })
            return new TransformedTable(reader, null, new QuarantineWriter(reader.Schema, context.ColumnLetters).Schema, context.SourceFile);
        try
        {
            var pipeline = TransformPipeline.Create(reader.Schema, transforms, context);
            return new TransformedTable(new TransformingTableReader(reader, pipeline, onQuarantine), pipeline, pipeline.QuarantineSchema, context.SourceFile);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>True when some transform can send rows to quarantine: a validation rule, or a cast whose failures quarantine.</summary>
    public static bool CanQuarantine(IReadOnlyList<TransformSpec>? transforms) =>
        transforms?.Any(t => t is RequiredSpec or RegexSpec or RangeSpec or AllowedSpec or CastSpec { OnError: CastErrorMode.Quarantine }) ?? false;
}

/// <summary>What a job's transforms did to one source: rows read from it, written, quarantined, and dropped by filters.</summary>
public sealed record TransformCounts(long RowsRead, long RowsWritten, long RowsQuarantined, long RowsFiltered);

/// <summary>A source seen through a job's transforms (see <see cref="JobTransforms.Apply"/>).</summary>
public sealed class TransformedTable : ITableReader
{
    private readonly ITableReader _reader;
    private readonly TransformPipeline? _pipeline;
    private readonly string? _file;

    internal TransformedTable(ITableReader reader, TransformPipeline? pipeline, TableSchema quarantineSchema, string? file)
    {
        _reader = reader;
        _pipeline = pipeline;
        _file = file;
        QuarantineSchema = quarantineSchema;
    }

    public TableSchema Schema => _reader.Schema;

    /// <summary>The schema of quarantine batches: the input columns as read, "_reason", "_source_row" and, when cell letters are known, "_cell".</summary>
    public TableSchema QuarantineSchema { get; }

    /// <summary>Rows returned so far (the rows written), as <see cref="ITableReader"/> defines it.</summary>
    public long RowsRead => _reader.RowsRead;

    public TransformCounts Counts => _pipeline is { } p
        ? new TransformCounts(p.RowsRead, p.RowsWritten, p.RowsQuarantined, p.RowsFiltered)
        : new TransformCounts(_reader.RowsRead, _reader.RowsRead, 0, 0);

    public IReadOnlyList<SourceWarning> Warnings => _reader.Warnings;

    public RecordBatch? ReadNextBatch()
    {
        try
        {
            return _reader.ReadNextBatch();
        }
        catch (IngestException ex) when (ex.File is null && _file is not null)
        {
            throw IngestErrors.InFile(_file, ex); // a cast with onError "fail" knows the row, not the file
        }
    }

    public void Dispose() => _reader.Dispose();
}
