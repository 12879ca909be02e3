using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Sources.Excel;

public abstract partial class ExcelSheetReader
{
    private readonly RowBuffer _row = new();
    private readonly RowBuffer _emptyRow = new();
    private int _segment;
    private SheetSegment? _current;
    private long _spooledLeft;   // rows of the current sheet still in the spool
    private bool _haveRow;       // the spool is at the cells of a row not yet emitted
    private int _spooledRow;     // that row's number, cell count and order
    private int _spooledCells;
    private bool _spooledAscending;
    private int _nextRow;
    private int _hiddenIndex;
    private RowBuffer? _singlePassRow; // a single pass's row not yet emitted (the rows before it are blank or hidden)

    public RecordBatch? ReadNextBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var next = _single is null ? (ReadBatch() ? _filling : null) : NextFilledAhead();
        if (next is null)
            return null;
        next.Deferred.Resolve(next.Batch, _single?.SharedStringsOfTakingThread ?? _sharedString);
        _last = next;
        RowsRead += next.Batch.RowCount;
        return next.Batch;
    }

    /// <summary>A single pass fills batches on a thread of its own; any failure there means reading again in two passes.</summary>
    private SheetBatch? NextFilledAhead()
    {
        try
        {
            _fillAhead ??= new FillAhead(SinglePassSlots(), slot =>
            {
                _filling = slot;
                return ReadBatch();
            });
            var next = _fillAhead.Next();
            if (next is not null)
                _single!.ResolveNumbers(next);
            return next;
        }
        catch (SpeculationMissedException miss)
        {
            throw SpeculationMissedException.StoppedAt(_file, miss, miss);
        }
        catch (IngestException error)
        {
            throw new SpeculationMissedException($"'{_file}': the single pass stopped at an error: {error.Message}", error);
        }
    }

    /// <summary>
    /// The batch made at open and two more; only two for batches of over a million cells (wide sheets), whose every
    /// slot would cost tens of MB.
    /// </summary>
    private SheetBatch[] SinglePassSlots() =>
        (long)_batchSize * Schema.Count > 1 << 20
            ? [_filling, new SheetBatch(Schema, _batchSize)]
            : [_filling, new SheetBatch(Schema, _batchSize), new SheetBatch(Schema, _batchSize)];

    /// <summary>Fills <see cref="_filling"/> with the next rows; false when there are none.</summary>
    private bool ReadBatch()
    {
        if (_current is null)
            return false;
        var batch = _filling.Batch;
        batch.Clear();
        _filling.Numbers.Clear();
        while (batch.Capacity > batch.RowCount && _current is not null)
        {
            var profile = _current.Profile;
            if (_nextRow > profile.LastDataRow)
            {
                if (_single is { CanTypeDirectly: true } && profile.Merges is null && _single.TypeRowsDirectly(_filling, _segment, ref _nextRow, _warnings))
                    continue;
                if (FetchSinglePassRow())
                    continue;
                NextSegment();
                continue;
            }
            if (IsHidden(_nextRow))
            {
                _nextRow++;
                continue;
            }
            if (!_haveRow && _spooledLeft > 0)
                FetchRow();
            NoteSourceOfNextRow();
            if (_haveRow && _spooledRow == _nextRow)
            {
                AppendSpooledRow();
                _haveRow = false;
            }
            else if (_singlePassRow?.RowNumber == _nextRow)
            {
                AppendRow(_singlePassRow);
                _singlePassRow = null;
            }
            else
            {
                AppendEmptyRow(); // a row the sheet does not store: all blank
            }
            _nextRow++;
        }
        return batch.RowCount > 0;
    }

    /// <summary>In a single pass, past the sample: the next data row from the sheet, which moves the profile's last data row on.</summary>
    private bool FetchSinglePassRow()
    {
        if (_single is not { Done: false })
            return false;
        _singlePassRow = _single.NextDataRow(_warnings);
        if (_singlePassRow is not null)
            return true;
        _warnings.Close();
        return false;
    }

    private void NextSegment()
    {
        if (_haveRow)
            SkipSpooledCells(); // keep the spool at a row start
        _segment++;
        _current = _segment < _layout.Segments.Count ? _layout.Segments[_segment] : null;
        if (_current is null)
            return;
        _spooledLeft = _current.Profile.SpooledRows;
        _haveRow = false;
        _nextRow = _current.Profile.HeaderRow + 1;
        _hiddenIndex = 0;
    }

    private bool IsHidden(int row)
    {
        var hidden = _current!.Profile.HiddenRows;
        while (_hiddenIndex < hidden.Count && hidden[_hiddenIndex] < row)
            _hiddenIndex++;
        return _hiddenIndex < hidden.Count && hidden[_hiddenIndex] == row;
    }

    private void AppendRow(RowBuffer row)
    {
        var segment = _current!;
        segment.Profile.Merges?.Apply(row);
        if (_layout.IsPlain)
        {
            if (!BatchFiller.TryAppendRow(_filling.Batch, row, segment.Profile.FirstColumn, _filling.Deferred, out int badColumn))
                throw IngestErrors.SheetChangedWhileReading(_file, segment.SheetName, CellReference.Format(badColumn, row.RowNumber));
        }
        else
        {
            _appender.Append(_filling.Batch, row, segment, _filling.Deferred);
        }
    }

    private void AppendEmptyRow()
    {
        if (_layout.IsPlain && _current!.Profile.Merges is null)
        {
            BatchFiller.AppendNullRow(_filling.Batch);
            return;
        }
        _emptyRow.Clear();
        _emptyRow.RowNumber = _nextRow;
        AppendRow(_emptyRow);
    }

    private void FetchRow()
    {
        try
        {
            _haveRow = _spool.TryReadRowStart(out _spooledRow, out _spooledCells, out _spooledAscending);
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
        _spooledLeft--;
    }

    /// <summary>The spooled row's cells: straight into the batch for a plain layout, else through a row buffer.</summary>
    private void AppendSpooledRow()
    {
        var segment = _current!;
        try
        {
            if (_layout.IsPlain && segment.Profile.Merges is null && _spooledAscending)
            {
                if (!BatchFiller.TryAppendSpooled(_filling.Batch, _spool, _spooledCells, segment.Profile.FirstColumn, out int badColumn))
                    throw IngestErrors.SheetChangedWhileReading(_file, segment.SheetName, CellReference.Format(badColumn, _spooledRow));
                return;
            }
            _row.Clear();
            _row.RowNumber = _spooledRow;
            _spool.ReadCells(_row, _spooledCells);
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
        AppendRow(_row);
    }

    private void SkipSpooledCells()
    {
        try
        {
            for (int i = 0; i < _spooledCells; i++)
                _spool.ReadCell(out _);
        }
        catch (IOException ex)
        {
            throw IngestErrors.Io(_file, ex);
        }
    }
}
