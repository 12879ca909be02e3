using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// A delimited text file read as a typed table in two passes: <see cref="Open"/> scans the whole file to fix the
/// header and every column's type (<see cref="CsvProfile"/>), then <see cref="ReadNextBatch"/> streams the records
/// into two alternating batches, parsing the next one on the thread pool while the caller consumes the current one
/// (<see cref="CsvReadOptions.ReadAhead"/>). When pass 1 cut the file into proven chunks, pass 2 parses two chunks at
/// once instead (<see cref="CsvParallelFill"/>). With <see cref="CsvReadOptions.SinglePass"/> the types come from a
/// sample (<see cref="CsvSample"/>) and the one pass checks every value against them (<see cref="CsvBatchFiller"/>):
/// a value of a kind that would change its column's type, or any error, ends reading in
/// <see cref="SpeculationMissedException"/>.
/// Memory depends on batch size and the longest record, never on the row count.
/// </summary>
public sealed class CsvTableReader : ITableReader, ISourceRowNumbers
{
    private readonly CsvBatchFiller? _filler;
    private readonly CsvParallelFill? _parallel;
    private RecordBatch? _parallelBatch;
    private long[]? _parallelRows;
    private readonly RecordBatch[] _batches;
    private readonly long[][] _rowNumbers;
    private readonly bool _readAhead;
    private readonly List<SourceWarning> _warnings = [];
    private string? _singlePassFile;
    private Task<int>? _pending;
    private int _current = 1;
    private bool _done;
    private bool _disposed;

    private CsvTableReader(CsvBatchFiller? filler, CsvParallelFill? parallel, TableSchema schema, int batchSize, bool readAhead)
    {
        _filler = filler;
        _parallel = parallel;
        Schema = schema;
        _readAhead = readAhead;
        // The parallel fill brings its own batches.
        _batches = filler is null ? [] : [new RecordBatch(schema, batchSize), new RecordBatch(schema, batchSize)];
        _rowNumbers = filler is null ? [] : [new long[batchSize], new long[batchSize]];
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
        if (options.SinglePass && options.ReadAhead && TryOpenSinglePass(filePath, file, options, dialect, culture) is { } single)
            return single;
        var split = CsvSplitScan.TryScan(filePath, file, options, dialect, culture);
        var profile = split?.Profile;
        if (profile is null)
        {
            using var pass1 = OpenParser(filePath, file, options, dialect);
            profile = CsvProfile.Scan(pass1, options, culture, file);
        }
        var schema = profile.BuildSchema(options.Schema, file, out var converters, culture);
        CsvTableReader reader;
        if (split is { Plan: var plan } && options.ReadAhead)
        {
            var parallel = new CsvParallelFill(plan.Chunks, (chunk, index) => OpenChunk(filePath, file, options, dialect, plan, chunk, index),
                parser => new CsvBatchFiller(parser, file, schema, converters), schema, options.BatchSize);
            reader = new CsvTableReader(null, parallel, schema, options.BatchSize, options.ReadAhead);
        }
        else
        {
            var filler = new CsvBatchFiller(OpenParser(filePath, file, options, dialect), file, schema, converters);
            reader = new CsvTableReader(filler, null, schema, options.BatchSize, options.ReadAhead);
            try
            {
                if (options.HasHeader)
                    filler.Parser.ReadRecord();
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        if (profile.ShortRows > 0)
            reader._warnings.Add(IngestErrors.ShortRowsWarning(profile.ShortRows, profile.FirstShortLine));
        return reader;
    }

    /// <summary>The single-pass reader, or null when the file is not cut, the sample fails, or a column is empty in the sample.</summary>
    private static CsvTableReader? TryOpenSinglePass(string path, string file, CsvReadOptions options, CsvDialect dialect, CultureInfo culture)
    {
        if (CsvSplitScan.TryCut(path, file, options) is not { } cuts || CsvSample.TryProfile(path, file, options, dialect, culture, cuts) is not { } sample)
            return null;
        var schema = sample.BuildSchema(options.Schema, file, out var converters, culture);
        for (int i = 0; i < schema.Count; i++)
        {
            if (!converters[i].IsOverride && !sample.SawValues(i))
                return null; // no value in the sample says what the column holds
        }
        var chunks = new CsvChunk[cuts.Bounds.Count - 1];
        for (int i = 0; i < chunks.Length; i++)
            chunks[i] = new CsvChunk(cuts.Bounds[i], cuts.Bounds[i + 1], 1);
        var plan = new CsvChunkPlan(cuts.Encoding, chunks);
        var parallel = new CsvParallelFill(chunks, (chunk, index) => OpenChunk(path, file, options, dialect, plan, chunk, index),
            parser => new CsvBatchFiller(parser, file, schema, converters, new CsvRecordObserver(sample.Continuation(), options, culture, file)),
            schema, options.BatchSize, relativeLines: true);
        return new CsvTableReader(null, parallel, schema, options.BatchSize, readAhead: true) { _singlePassFile = file };
    }

    /// <summary>A parser at chunk <paramref name="index"/>'s first record: for chunk 0, past the skipped rows and the header.</summary>
    private static CsvParser OpenChunk(string path, string file, CsvReadOptions options, CsvDialect dialect, CsvChunkPlan plan, CsvChunk chunk, int index)
    {
        var parser = CsvSplitScan.Open(path, file, dialect, plan.Encoding, chunk.Start, chunk.End, chunk.FirstLine);
        if (index == 0)
        {
            parser.SkipLines(options.SkipRows);
            if (options.HasHeader)
                parser.ReadRecord();
        }
        return parser;
    }

    private static CsvParser OpenParser(string path, string file, CsvReadOptions options, CsvDialect dialect)
    {
        var text = TextEncodings.Open(path, file, options.Encoding, 1 << 16, out var invalidBytes);
        var parser = new CsvParser(text, file, dialect, 1 << 16, invalidBytes);
        parser.SkipLines(options.SkipRows);
        return parser;
    }

    public TableSchema Schema { get; }

    /// <summary>True when the file is read in one pass with types from a sample (<see cref="CsvReadOptions.SinglePass"/> and a file that could be cut).</summary>
    internal bool IsSinglePass => _singlePassFile is not null;

    public long RowsRead { get; private set; }

    public IReadOnlyList<SourceWarning> Warnings => _warnings;

    public ReadOnlySpan<long> LastBatchRowNumbers => _parallel is not null
        ? _parallelRows.AsSpan(0, _parallelBatch?.RowCount ?? 0)
        : _rowNumbers[_current].AsSpan(0, _batches[_current].RowCount);

    public RecordBatch? ReadNextBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_done)
            return null;
        if (_parallel is not null)
            return NextParallel(_parallel);
        int next = _current ^ 1, rows;
        try
        {
            rows = _pending?.GetAwaiter().GetResult() ?? Fill(next);
        }
        catch
        {
            _done = true;
            throw;
        }
        finally
        {
            _pending = null;
        }
        _current = next;
        RowsRead += rows;
        if (rows < _rowNumbers[next].Length)
            _done = true;
        else if (_readAhead)
        {
            int ahead = next ^ 1; // the batch the caller just finished with
            _pending = Task.Run(() => Fill(ahead));
        }
        return rows == 0 ? null : _batches[next];
    }

    private RecordBatch? NextParallel(CsvParallelFill parallel)
    {
        (RecordBatch Batch, long[] Rows)? next;
        try
        {
            next = parallel.Next();
        }
        catch (SpeculationMissedException miss) when (_singlePassFile is { } file)
        {
            _done = true;
            throw SpeculationMissedException.StoppedAt(file, miss, miss.InnerException);
        }
        catch
        {
            _done = true;
            throw;
        }
        if (next is not { } batch)
        {
            _done = true;
            _parallelBatch = null;
            if (_singlePassFile is not null && parallel.Profile is { ShortRows: > 0 } whole)
                _warnings.Add(IngestErrors.ShortRowsWarning(whole.ShortRows, whole.FirstShortLine));
            return null;
        }
        (_parallelBatch, _parallelRows) = batch;
        RowsRead += _parallelBatch.RowCount;
        return _parallelBatch;
    }

    private int Fill(int index) => _filler!.Fill(_batches[index], _rowNumbers[index]);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            _pending?.Wait();
        }
        catch (AggregateException)
        {
            // the failure belongs to a batch nobody asked for
        }
        _filler?.Dispose();
        _parallel?.Dispose();
    }
}
