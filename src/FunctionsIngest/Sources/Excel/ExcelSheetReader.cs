using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Sources.Excel;

/// <summary>
/// One worksheet read as a typed table. Pass 1 (at open) parses the sheet once, finding the header, column extent
/// and types, and spools the data rows in a compact binary form (memory up to 16 MB, then a temp file); pass 2
/// replays the spool into reused batches. So memory does not grow with the row count and the XML is parsed once.
/// </summary>
public abstract class ExcelSheetReader : ITableReader
{
    private readonly ISheetRowSource _source;
    private readonly string _file;
    private readonly int _headerRow;
    private readonly int _firstColumn;
    private readonly int _lastDataRow;
    private readonly WarningLog _warnings;
    private readonly RecordBatch _batch;
    private readonly RowBuffer _row = new();
    private readonly RowSpool _spool;
    private bool _haveRow;
    private bool _sourceDone;
    private int _nextRow;
    private bool _disposed;

    private protected ExcelSheetReader(ISheetRowSource source, string file, ExcelReadOptions options)
    {
        _source = source;
        _file = file;
        _headerRow = options.HeaderRow ?? 1;
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        _warnings = new WarningLog(source.SheetName);
        _spool = new RowSpool(source.SharedString);
        SheetProfile profile;
        try
        {
            profile = SheetProfile.Scan(source, _headerRow, _warnings, _spool);
        }
        catch (IOException ex)
        {
            _spool.Dispose();
            throw IngestErrors.Io(file, ex); // the spool's temp file
        }
        catch
        {
            _spool.Dispose();
            throw;
        }
        if (profile.LastRowWithContent < _headerRow)
        {
            _spool.Dispose();
            throw IngestErrors.HeaderRowMissing(file, source.SheetName, _headerRow);
        }
        Schema = profile.BuildSchema();
        _firstColumn = profile.FirstColumn;
        _lastDataRow = profile.LastDataRow;
        _batch = new RecordBatch(Schema, EffectiveBatchSize(options.BatchSize, Schema.Count));
        _nextRow = _headerRow + 1;
        try
        {
            _spool.StartReading();
        }
        catch (IOException ex)
        {
            _spool.Dispose();
            throw IngestErrors.Io(file, ex);
        }
        source.Dispose(); // pass 2 reads the spool; only the shared strings stay in use
    }

    /// <summary>At most <see cref="MaxCellsPerBatch"/> cells per batch, so very wide sheets (up to 16,384 columns) keep batches small.</summary>
    internal static int EffectiveBatchSize(int batchSize, int columns) =>
        Math.Max(1, Math.Min(batchSize, MaxCellsPerBatch / Math.Max(1, columns)));

    internal const int MaxCellsPerBatch = 1 << 22;

    /// <summary>The name of the sheet being read, as listed in the workbook.</summary>
    public string SheetName => _source.SheetName;

    public TableSchema Schema { get; }

    public long RowsRead { get; private set; }

    public IReadOnlyList<SourceWarning> Warnings => _warnings.List;

    /// <summary>Cells read as null with a warning (all of them, including those past the listed ones).</summary>
    public long WarningCount => _warnings.Count;

    public RecordBatch? ReadNextBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_nextRow > _lastDataRow)
            return null;
        _batch.Clear();
        while (_batch.Capacity > RowCount() && _nextRow <= _lastDataRow)
        {
            if (!_haveRow && !_sourceDone)
                FetchRowAfterHeader();
            if (_haveRow && _row.RowNumber == _nextRow)
            {
                if (!BatchFiller.TryAppendRow(_batch, _row, _firstColumn, out int badColumn))
                    throw IngestErrors.SheetChangedWhileReading(_file, SheetName, CellReference.Format(badColumn, _row.RowNumber));
                _haveRow = false;
            }
            else
            {
                BatchFiller.AppendNullRow(_batch); // a row the sheet does not store: all blank
            }
            _nextRow++;
        }
        int count = RowCount();
        RowsRead += count;
        return count == 0 ? null : _batch;
    }

    // Pass 1 guarantees at least one column whenever there is a data row, so RowCount is well defined.
    private int RowCount() => _batch.RowCount;

    private void FetchRowAfterHeader()
    {
        try
        {
            _haveRow = _spool.Read(_row);
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
        _sourceDone = !_haveRow;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _source.Dispose();
        _spool.Dispose();
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    private protected virtual void DisposeCore() { }
}
