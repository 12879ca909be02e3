using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// A delimited text file read as a typed table in two passes: <see cref="Open"/> scans the whole file to fix the
/// header and every column's type (<see cref="CsvProfile"/>), then <see cref="ReadNextBatch"/> streams the records
/// into reused batches. Memory depends on batch size and the longest record, never on the number of rows.
/// </summary>
public sealed class CsvTableReader : ITableReader, ISourceRowNumbers
{
    private readonly CsvParser _parser;
    private readonly string _file;
    private readonly TextConverter[] _converters;
    private readonly RecordBatch _batch;
    private readonly long[] _rowNumbers;
    private readonly List<SourceWarning> _warnings = [];
    private bool _done;
    private bool _disposed;

    private CsvTableReader(CsvParser parser, string file, TableSchema schema, TextConverter[] converters, int batchSize)
    {
        _parser = parser;
        _file = file;
        Schema = schema;
        _converters = converters;
        _batch = new RecordBatch(schema, batchSize);
        _rowNumbers = new long[batchSize];
    }

    public static CsvTableReader Open(string filePath, CsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        var file = TextSourceFile.DisplayName(filePath, options.DisplayName);
        if (!TextCultures.TryResolve(options.Culture, out var culture))
            throw IngestErrors.UnknownCulture(file, options.Culture);
        var dialect = CsvDialect.From(options, file);
        if (dialect.Delimiter == '\0')
        {
            using var sample = TextEncodings.Open(filePath, file, options.Encoding, 1 << 12);
            dialect = dialect with { Delimiter = CsvDelimiterSniffer.Sniff(sample, options.Quote, options.SkipRows) };
        }
        CsvProfile profile;
        using (var pass1 = OpenParser(filePath, file, options, dialect))
            profile = CsvProfile.Scan(pass1, options, culture, file);
        var schema = profile.BuildSchema(options.Schema, file, out var converters, culture);
        var parser = OpenParser(filePath, file, options, dialect);
        var reader = new CsvTableReader(parser, file, schema, converters, options.BatchSize);
        if (options.HasHeader)
            parser.ReadRecord();
        if (profile.ShortRows > 0)
            reader._warnings.Add(IngestErrors.ShortRowsWarning(profile.ShortRows, profile.FirstShortLine));
        return reader;
    }

    private static CsvParser OpenParser(string path, string file, CsvReadOptions options, CsvDialect dialect)
    {
        var text = TextEncodings.Open(path, file, options.Encoding, 1 << 16, out var invalidBytes);
        var parser = new CsvParser(text, file, dialect, 1 << 16, invalidBytes);
        parser.SkipLines(options.SkipRows);
        return parser;
    }

    public TableSchema Schema { get; }

    public long RowsRead { get; private set; }

    public IReadOnlyList<SourceWarning> Warnings => _warnings;

    public ReadOnlySpan<long> LastBatchRowNumbers => _rowNumbers.AsSpan(0, _batch.RowCount);

    public RecordBatch? ReadNextBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_done)
            return null;
        _batch.Clear();
        int rows = 0;
        while (rows < _rowNumbers.Length && _parser.ReadRecord())
        {
            AppendRecord();
            _rowNumbers[rows++] = _parser.RecordLine;
        }
        if (rows < _rowNumbers.Length)
            _done = true;
        RowsRead += rows;
        return rows == 0 ? null : _batch;
    }

    private void AppendRecord()
    {
        var columns = _batch.Columns;
        int fields = Math.Min(_parser.FieldCount, columns.Length);
        for (int i = 0; i < fields; i++)
        {
            var vector = columns[i];
            var text = _parser.Field(i);
            var converter = _converters[i];
            if (converter.Type == ColumnType.String)
            {
                if (text.IsEmpty && !_parser.IsQuoted(i))
                    AppendNull(vector, i);
                else
                    ((StringVector)vector).Append(text.IsEmpty ? "" : new string(text));
                continue;
            }
            if (TextValues.Trim(text).IsEmpty)
                AppendNull(vector, i);
            else if (!converter.TryAppend(vector, text))
                throw converter.IsOverride
                    ? IngestErrors.BadValue(_file, _parser.RecordLine, Schema[i].Name, text.ToString(), converter.Type)
                    : IngestErrors.TextSourceChanged(_file, _parser.RecordLine, Schema[i].Name);
        }
        for (int i = fields; i < columns.Length; i++)
            AppendNull(columns[i], i);
    }

    private void AppendNull(ColumnVector vector, int i)
    {
        if (!Schema[i].Nullable)
            throw IngestErrors.MissingRequiredValue(_file, _parser.RecordLine, Schema[i].Name);
        vector.AppendNull();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _parser.Dispose();
    }
}
