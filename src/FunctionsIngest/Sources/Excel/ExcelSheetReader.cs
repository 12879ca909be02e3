using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Sources.Excel;

/// <summary>
/// One worksheet, or several read as one table, as a typed table. Pass 1 (at open) parses each sheet once, finding
/// the header, column extent and types, and spools the data rows in a compact binary form (memory up to 16 MB, then
/// a temp file); pass 2 replays the spool into reused batches. So memory does not grow with the row count and the
/// XML is parsed once. A single pass (<see cref="ExcelReadOptions.SinglePass"/>) spools only a sample and types the
/// rest of the sheet as it is read.
/// </summary>
public abstract partial class ExcelSheetReader : ITableReader
{
    private readonly string _file;
    private readonly WarningLog _warnings;
    private readonly RowSpool _spool;
    private readonly TableLayout _layout;
    private readonly RowAppender _appender;
    private readonly int _batchSize;
    private readonly Func<int, string> _sharedString;
    private SheetBatch _filling; // the batch being filled (on the filling thread in a single pass)
    private SheetBatch _last;    // the batch handed out last
    private SheetSinglePass? _single;
    private FillAhead? _fillAhead;
    private bool _disposed;

    private protected ExcelSheetReader(IWorkbookSource workbook, ExcelReadOptions options)
    {
        _file = workbook.File;
        try
        {
            if (options.BatchSize < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
            var sheets = ChooseSheets(workbook, options);
            SheetNames = sheets.Select(s => s.Name).ToList();
            _warnings = new WarningLog(sheets[0].Name);
            _sharedString = workbook.SharedString;
            _spool = new RowSpool(_sharedString);
            try
            {
                _layout = ReadLayout(workbook, sheets, options);
                _spool.StartReading();
            }
            catch (IOException ex)
            {
                _single?.Dispose();
                _spool.Dispose();
                throw IngestErrors.Io(_file, ex); // the spool's temp file
            }
            catch
            {
                _single?.Dispose();
                _spool.Dispose();
                throw;
            }
        }
        finally
        {
            if (_single is null)
                workbook.Dispose(); // pass 2 reads the spool; only the shared strings stay in use
        }
        Schema = _layout.Schema;
        _appender = new RowAppender(_layout, _file);
        _batchSize = EffectiveBatchSize(options.BatchSize, Schema.Count);
        _filling = _last = new SheetBatch(Schema, _batchSize);
        ColumnLettersBySheet = LettersBySegment(_layout);
        _segment = -1;
        NextSegment();
    }

    /// <summary>At most <see cref="MaxCellsPerBatch"/> cells per batch, so very wide sheets (up to 16,384 columns) keep batches small.</summary>
    internal static int EffectiveBatchSize(int batchSize, int columns) =>
        Math.Max(1, Math.Min(batchSize, MaxCellsPerBatch / Math.Max(1, columns)));

    internal const int MaxCellsPerBatch = 1 << 22;

    /// <summary>The sheet read, as listed in the workbook; with several sheets, their names joined by ", ".</summary>
    public string SheetName => string.Join(", ", SheetNames);

    /// <summary>The sheets read, in the order their rows appear.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    public TableSchema Schema { get; }

    public long RowsRead { get; private set; }

    public IReadOnlyList<SourceWarning> Warnings => _warnings.List;

    /// <summary>True when the read goes in one pass (<see cref="ExcelReadOptions.SinglePass"/> asked and possible).</summary>
    internal bool IsSinglePass => _single is not null;

    /// <summary>Cells read as null with a warning (all of them, including those past the listed ones).</summary>
    public long WarningCount => _warnings.Count;

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _fillAhead?.Dispose(); // first: its thread reads the sheet and the spool
        _single?.Dispose();
        _spool.Dispose();
        GC.SuppressFinalize(this);
    }
}
