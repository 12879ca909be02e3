using FunctionsIngest.Parquet.File;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;

namespace FunctionsIngest.Parquet;

/// <summary>
/// Streams flat tables to Parquet (v1 data pages, flat OPTIONAL/REQUIRED columns), never seeking the output.
/// Rows arrive column by column in batches closed by <see cref="EndBatch"/>; memory is bounded by one row group.
/// Not thread-safe: one writer is fed by one thread at a time.
/// </summary>
public sealed partial class ParquetWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private readonly CountingOutput _output;
    private readonly ParquetWriterOptions _options;
    private readonly WriterContext _context;
    private readonly ColumnDescriptor[] _descriptors;
    private readonly ColumnWriter[] _writers;
    private readonly List<RowGroupInfo> _rowGroups = [];
    private bool _finished, _disposed, _faulted;

    /// <summary>Creates a writer; nothing is written to <paramref name="output"/> until the first row group or <see cref="Finish"/>.</summary>
    public ParquetWriter(Stream output, IReadOnlyList<ParquetColumn> columns, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        if (!output.CanWrite) throw new ArgumentException("The output stream is not writable.", nameof(output));
        if (columns.Count == 0) throw new ArgumentException("A Parquet file needs at least one column.", nameof(columns));
        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(columns));
            if (!names.Add(c.Name)) throw new ArgumentException($"Duplicate column name '{c.Name}'.", nameof(columns));
        }

        _output = new CountingOutput(output);
        _context = new WriterContext(_options);
        _descriptors = columns.Select(ColumnDescriptor.From).ToArray();
        _writers = _descriptors.Select(d => ColumnWriterFactory.Create(d, _context)).ToArray();
    }

    /// <summary>Rows closed by <see cref="EndBatch"/> so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written to the output stream so far.</summary>
    public long BytesWritten => _output.Position;

    /// <summary>Bytes the writer holds for row groups not yet written out (for tests of the memory bound).</summary>
    internal long BufferedBytes => _writers.Sum(w => w.BufferedBytes + w.SealedBytes);

    /// <summary>Row groups written to the output so far.</summary>
    internal int RowGroupsWritten => _rowGroups.Count;

    /// <summary>Closes a batch: every column must have received the same number of rows since the previous one.</summary>
    public void EndBatch()
    {
        EnsureWritable();
        long expected = _writers[0].BatchRows;
        var mismatched = _writers.Where(w => w.BatchRows != expected).ToList();
        if (mismatched.Count > 0)
        {
            _faulted = true;
            string detail = string.Join(", ", _writers.Select(w => $"'{w.Column.Name}'={w.BatchRows}"));
            throw new InvalidOperationException(
                $"EndBatch: column '{mismatched[0].Column.Name}' received {mismatched[0].BatchRows} rows but column '{_writers[0].Column.Name}' received {expected} since the last EndBatch ({detail}). The writer can no longer be used.");
        }

        foreach (var w in _writers) w.BatchRows = 0;
        RowCount += expected;
        WriteSealedRowGroups();
        if (_writers.Sum(w => w.BufferedBytes) > _options.RowGroupMaxBytes)
        {
            foreach (var w in _writers) w.Seal();
            WriteSealedRowGroups();
        }
    }

    /// <summary>Writes the last row group, the footer and the closing "PAR1". Does not close the stream.</summary>
    public void Finish()
    {
        EnsureWritable();
        if (_writers.Any(w => w.BatchRows > 0)) EndBatch();
        foreach (var w in _writers) w.Seal();
        WriteSealedRowGroups();
        EnsureHeader();
        using var footer = new ByteBuffer(1 << 12);
        FooterWriter.Write(footer, _descriptors, _rowGroups, _context.Compressor.Codec, _options.Metadata, _options.CreatedBy);
        _output.Write(footer);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, footer.Length);
        _output.Write(length);
        _output.Write(Magic);
        _finished = true;
    }

    /// <summary>Releases buffers. Without <see cref="Finish"/> no footer is written, so the output stays invalid on purpose.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var w in _writers) w.Dispose();
        _context.Dispose();
    }

    private void WriteSealedRowGroups()
    {
        while (_writers.All(w => w.SealedCount > 0))
        {
            EnsureHeader();
            var chunks = _writers.Select(w => w.DequeueSealed()).ToArray();
            _rowGroups.Add(RowGroupWriter.Write(_output, chunks));
        }
    }

    private void EnsureHeader()
    {
        if (_output.Position == 0) _output.Write(Magic);
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException("The Parquet writer is finished; no more rows can be written.");
        if (_faulted) throw new InvalidOperationException("The Parquet writer failed earlier (mismatched batch); the output is incomplete.");
    }
}
