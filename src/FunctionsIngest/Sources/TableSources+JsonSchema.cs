using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Sources;

/// <summary>
/// Declared column types for a JSON source, whose reader only infers: each declared column is cast from its inferred
/// type, and a value that does not convert fails the read naming the row (as a bad value does in a CSV file); so
/// does a missing or null value in a column declared not nullable.
/// </summary>
internal sealed class SchemaCastingReader : ITableReader, ISourceRowNumbers
{
    private readonly ITableReader _inner;
    private readonly TransformPipeline _pipeline;
    private readonly string _file;
    private readonly int[] _required;
    private int _lastRows;

    private SchemaCastingReader(ITableReader inner, TransformPipeline pipeline, string file, IReadOnlyList<SchemaColumn> declared)
    {
        (_inner, _pipeline, _file) = (inner, pipeline, file);
        var columns = pipeline.OutputSchema.Columns.ToArray();
        var required = new List<int>();
        for (int i = 0; i < columns.Length; i++)
        {
            if (declared.Any(d => !d.Nullable && string.Equals(d.Name, columns[i].Name, StringComparison.OrdinalIgnoreCase)))
            {
                columns[i] = columns[i] with { Nullable = false };
                required.Add(i);
            }
        }
        _required = [.. required];
        Schema = new TableSchema(columns);
    }

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
            return new SchemaCastingReader(inner, TransformPipeline.Create(inner.Schema, casts, new TransformContext()), file, schema);
        }
        catch
        {
            inner.Dispose();
            throw;
        }
    }

    public TableSchema Schema { get; }

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
            var output = _pipeline.Process(batch, rows).Output;
            foreach (int i in _required)
            {
                var column = output.Columns[i];
                if (column.NullCount > 0)
                {
                    int row = Array.IndexOf(column.IsNull, true, 0, column.Count);
                    throw IngestErrors.RequiredValueMissing(rows.IsEmpty ? RowsRead - batch.RowCount + row + 1 : rows[row], Schema[i].Name);
                }
            }
            return output;
        }
        catch (IngestException ex) when (ex.File is null)
        {
            throw IngestErrors.InFile(_file, ex);
        }
    }

    public void Dispose() => _inner.Dispose();
}
