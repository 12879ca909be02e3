using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Json;

/// <summary>
/// A JSON array of objects or an NDJSON file read as a typed table in two streaming passes: <see cref="Open"/>
/// finds the union of flattened columns (first-seen order) and each column's type over every record; batches then
/// stream from a second pass. Missing fields are null.
/// </summary>
public sealed class JsonTableReader : ITableReader, ISourceRowNumbers
{
    private readonly JsonRecordStream _records;
    private readonly JsonColumns _columns;
    private readonly string _file;
    private readonly RecordBatch _batch;
    private readonly long[] _rowNumbers;
    private readonly System.Text.Json.JsonElement[] _row;
    private bool _done;
    private bool _disposed;

    private JsonTableReader(JsonRecordStream records, JsonColumns columns, TableSchema schema, string file, int batchSize)
    {
        _records = records;
        _columns = columns;
        _file = file;
        Schema = schema;
        _batch = new RecordBatch(schema, batchSize);
        _rowNumbers = new long[batchSize];
        _row = new System.Text.Json.JsonElement[schema.Count];
    }

    public static JsonTableReader Open(string filePath, JsonReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        var file = TextSourceFile.DisplayName(filePath, options.DisplayName);
        var columns = new JsonColumns(file, options.MaxColumns);
        var seen = new List<ValueKind>();
        JsonLayout layout;
        using (var pass1 = new JsonRecordStream(filePath, file, options.Layout))
        {
            layout = pass1.Layout;
            while (pass1.MoveNext())
            {
                foreach (var (column, value) in columns.Flatten(pass1.Current!.RootElement, addNew: true, out _))
                {
                    while (seen.Count <= column)
                        seen.Add(ValueKind.None);
                    if ((seen[column] & ValueKind.Text) == 0)
                        seen[column] |= JsonValues.Classify(value, options.InferDates);
                }
            }
        }
        if (columns.Paths.Count == 0)
            throw IngestErrors.JsonNoColumns(file);
        var names = HeaderNaming.Build(columns.Paths.ToArray());
        var schema = new TableSchema(names.Select((n, i) => new ColumnSchema(n, ValueKinds.Resolve(seen[i]))).ToArray());
        return new JsonTableReader(new JsonRecordStream(filePath, file, layout), columns, schema, file, options.BatchSize);
    }

    public TableSchema Schema { get; }

    public long RowsRead { get; private set; }

    public IReadOnlyList<SourceWarning> Warnings => [];

    public ReadOnlySpan<long> LastBatchRowNumbers => _rowNumbers.AsSpan(0, _batch.RowCount);

    public RecordBatch? ReadNextBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_done)
            return null;
        _batch.Clear();
        int rows = 0;
        while (rows < _rowNumbers.Length && _records.MoveNext())
        {
            AppendRecord();
            _rowNumbers[rows++] = _records.RowNumber;
        }
        if (rows < _rowNumbers.Length)
            _done = true;
        RowsRead += rows;
        return rows == 0 ? null : _batch;
    }

    private void AppendRecord()
    {
        Array.Clear(_row);
        var leaves = _columns.Flatten(_records.Current!.RootElement, addNew: false, out int unknown);
        if (unknown > 0)
            throw IngestErrors.TextSourceChanged(_file, _records.Line, "(new field)");
        foreach (var (column, value) in leaves)
            _row[column] = value; // a repeated key: the last one wins
        var vectors = _batch.Columns;
        for (int i = 0; i < vectors.Length; i++)
        {
            if (!JsonValues.TryAppend(vectors[i], _row[i]))
                throw IngestErrors.TextSourceChanged(_file, _records.Line, Schema[i].Name);
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _records.Dispose();
    }
}
