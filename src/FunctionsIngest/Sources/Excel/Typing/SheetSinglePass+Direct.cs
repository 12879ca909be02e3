using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Sources.Excel.Typing;

internal sealed partial class SheetSinglePass
{
    /// <summary>The sheet's reader when rows can be typed straight into a batch (.xlsx scanned as UTF-8, plain layout).</summary>
    private readonly Utf8SheetReader? _direct;

    /// <summary>Per batch column: its number cells are parsed by the thread taking the batch (<see cref="ResolveNumbers"/>).</summary>
    private readonly bool[] _numbersDeferred;
    private readonly bool[] _textDeferred; // per column: plain text, whose shared strings the taking thread resolves

    /// <summary>Per batch column: every plain number (no date format) that <see cref="BatchFiller.TrySetPlainNumber"/> sets is a kind its type keeps.</summary>
    private readonly bool[] _plainNumbersKept;

    /// <summary>Per batch column: a Date column keeping whole days, or a Timestamp column keeping every date and time (what <see cref="BatchFiller.TrySetDateSerial"/> sets).</summary>
    private readonly bool[] _datesKept;

    /// <summary>The row element typed or skipped last by <see cref="TypeRowsDirectly"/>; a second element with its number is a miss.</summary>
    private int _lastDirectRow;

    /// <summary>True when <see cref="TypeRowsDirectly"/> can take over from <see cref="NextDataRow"/>.</summary>
    public bool CanTypeDirectly => _direct is not null && !Done;

    /// <summary>
    /// Past the sample, with every row before <paramref name="nextRow"/> in the batch: types the sheet's next rows
    /// straight into <paramref name="target"/>, blank rows between them included, until the batch is full or a row
    /// needs <see cref="NextDataRow"/>: a hidden row left out, a row past the window, a gap wider than the batch's
    /// room, or the end of the sheet. Same result as <see cref="NextDataRow"/> with the plain layout's filling,
    /// without a row buffer in between. False when it took no row.
    /// </summary>
    public bool TypeRowsDirectly(SheetBatch target, int segment, ref int nextRow, WarningLog warnings)
    {
        var batch = target.Batch;
        var window = _scanner.Window;
        var sink = new BatchRowSink(this, target, warnings, _firstColumn, window, _numbersDeferred, _textDeferred);
        bool took = false;
        while (batch.RowCount < batch.Capacity)
        {
            if (!_direct!.TryPeekRow(out int number, out bool hidden))
                return took;
            if (number == _lastDirectRow)
                throw Miss(number, _firstColumn, "a second row element with the same row number");
            if (hidden || number > window.LastRow)
                return took;
            int gap = number - nextRow;
            if (batch.RowCount + gap >= batch.Capacity)
                return took;
            int first = batch.RowCount;
            sink.StartRow(number, gap);
            _direct.ReadPeekedRow(ref sink);
            _lastDirectRow = number;
            took = true;
            if (!sink.FinishRow())
                continue; // no value in it: a blank row, unless a later row holds one
            for (int row = first; row < batch.RowCount; row++)
            {
                target.RowNumbers[row] = nextRow++;
                target.Sheets[row] = segment;
            }
            _scanner.Profile.ExtendTo(number);
        }
        return took;
    }

    /// <summary>
    /// On the thread taking a batch, before it hands it on: parses the number cells the filling thread left as text
    /// and puts their values in place. Text that is no number fails as the filling thread fails it; a value its
    /// column does not keep, or a date serial that is no date (a warning), throws a miss. Either way two passes then
    /// read the sheet.
    /// </summary>
    public void ResolveNumbers(SheetBatch target)
    {
        var numbers = target.Numbers;
        var columns = target.Batch.Columns;
        try
        {
            for (int i = 0; i < numbers.Count; i++)
            {
                var text = numbers.Get(i, out int at, out int row, out var kind);
                if (kind == NumberFormatKind.Number ? _plainNumbersKept[at] && BatchFiller.TrySetPlainNumber(columns[at], row, text)
                    : kind == NumberFormatKind.DateTime && _datesKept[at] && BatchFiller.TrySetDateSerial(columns[at], row, text, _date1904))
                    continue;
                int column = _firstColumn + at;
                int rowNumber = (int)target.RowNumbers[row];
                if (!Utf8SheetReader.TryParseNumber(text, out double number))
                    throw IngestErrors.BadNumber(_file, _source.SheetName, CellReference.Format(column, rowNumber), System.Text.Encoding.UTF8.GetString(text));
                var cell = NumberCells.Make(number, kind, _date1904);
                if (cell.IsWarning)
                    throw Miss(rowNumber, column, "a date serial that is no date");
                CheckKept(cell, at, rowNumber);
                if (!BatchFiller.TrySetNumber(columns[at], row, cell))
                    throw SheetChanged(column, rowNumber);
            }
        }
        finally
        {
            numbers.Clear();
        }
    }

    internal IngestException SheetChanged(int column, int rowNumber) =>
        IngestErrors.SheetChangedWhileReading(_file, _source.SheetName, CellReference.Format(column, rowNumber));
}
