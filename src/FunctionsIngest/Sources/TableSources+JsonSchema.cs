using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Sources;

/// <summary>
/// Declared column types for a JSON source, whose reader only infers: each declared column is cast from its inferred
/// type, and a value that does not convert fails the read naming the row (as a bad value does in a CSV file).
/// </summary>
internal sealed class SchemaCastingReader : ITableReader, ISourceRowNumbers
{
    private readonly ITableReader _inner;
    private readonly TransformPipeline _pipeline;
    private readonly string _file;
    private int _lastRows;

    private SchemaCastingReader(ITableReader inner, TransformPipeline pipeline, string file) => (_inner, _pipeline, _file) = (inner, pipeline, file);

    public static ITableReader Wrap(ITableReader inner, IReadOnlyList<SchemaColumn> schema, string file)
    {
        try
        {
            foreach (var column in schema)
            {
                if (!inner.Schema.Columns.Any(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
                    throw IngestErrors.SchemaColumnNotFound(file, column.Name, inner.Schema.Columns.Select(c => c.Name));
            }
            var casts = schema.Select(c => (TransformSpec)new CastSpec(c.Name, c.Type) { Format = c.Format, OnError = CastErrorMode.Fail }).ToArray();
            return new SchemaCastingReader(inner, TransformPipeline.Create(inner.Schema, casts, new TransformContext()), file);
        }
        catch
        {
            inner.Dispose();
            throw;
        }
    }

    public TableSchema Schema => _pipeline.OutputSchema;

    public long RowsRead => _inner.RowsRead;

    public IReadOnlyList<SourceWarning> Warnings => _inner.Warnings;

    // A cast that fails throws instead of dropping the row, so output rows are the input rows in order.
    public ReadOnlySpan<long> LastBatchRowNumbers =>
        _inner is ISourceRowNumbers numbered ? numbered.LastBatchRowNumbers[.._lastRows] : default;

    public RecordBatch? ReadNextBatch()
    {
        if (_inner.ReadNextBatch() is not { } batch)
            return null;
        _lastRows = batch.RowCount;
        var rows = _inner is ISourceRowNumbers numbered ? numbered.LastBatchRowNumbers : default;
        try
        {
            return _pipeline.Process(batch, rows).Output;
        }
        catch (IngestException ex) when (ex.File is null)
        {
            throw IngestErrors.InFile(_file, ex);
        }
    }

    public void Dispose() => _inner.Dispose();
}
