using System.Runtime.CompilerServices;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Layout;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// A single pass's row, typed into the batch's vectors cell by cell as the reader hands the cells over
/// (<see cref="SheetSinglePass.TypeRowsDirectly"/>). The rows of blanks before it are appended with its first value,
/// so a row without one leaves the batch as it was. Cells must come in ascending column order: a cell for a column
/// already passed is a miss, and two passes keep the sheet's rule that the later value wins.
/// </summary>
internal struct BatchRowSink : ICellSink
{
    private readonly SheetSinglePass _pass;
    private readonly ColumnVector[] _columns;
    private readonly DeferredSharedText _deferred;
    private readonly DeferredNumbers _numbers;
    private readonly bool[] _numbersDeferred;
    private readonly bool[] _textDeferred;
    private readonly WarningLog _warnings;
    private readonly int _firstColumn;
    private readonly int _windowFirst;
    private readonly int _windowLast;
    private int _rowNumber;
    private int _blankRowsBefore;
    private int _next; // the batch column the row's next value goes to; -1 before its first value

    public BatchRowSink(SheetSinglePass pass, SheetBatch target, WarningLog warnings, int firstColumn, SheetWindow window, bool[] numbersDeferred, bool[] textDeferred)
    {
        _pass = pass;
        _columns = target.Batch.Columns;
        _deferred = target.Deferred;
        _numbers = target.Numbers;
        _numbersDeferred = numbersDeferred;
        _textDeferred = textDeferred;
        _warnings = warnings;
        _firstColumn = firstColumn;
        _windowFirst = window.FirstColumn;
        _windowLast = window.LastColumn;
        _next = -1;
    }

    public void StartRow(int rowNumber, int blankRowsBefore)
    {
        _rowNumber = rowNumber;
        _blankRowsBefore = blankRowsBefore;
        _next = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int column, ref CellValue cell)
    {
        if (cell.Kind == CellKind.Blank || column < _windowFirst || column > _windowLast)
            return;
        bool hasValue = _pass.Accept(ref cell, column, _rowNumber, _warnings);
        int at = column - _firstColumn;
        if (at < _next)
            throw _pass.Miss(_rowNumber, column, "a second value for the column, or cells out of column order");
        MoveTo(at);
        if (!hasValue)
            _columns[at].AppendNull();
        else if (!BatchFiller.TryAppend(_columns[at], cell, _deferred, at))
            throw _pass.SheetChanged(column, _rowNumber);
        _next = at + 1;
    }

    /// <summary>
    /// Keeps a plain number cell's text for the taking thread (<see cref="SheetSinglePass.ResolveNumbers"/>) when its
    /// column is numeric or a date; false for any cell <see cref="Put"/> must see (outside the columns, out of order,
    /// empty or padded text).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDeferNumber(int column, NumberFormatKind kind, ReadOnlySpan<byte> text)
    {
        int at = column - _firstColumn;
        if ((uint)at >= (uint)_numbersDeferred.Length || !_numbersDeferred[at] || column < _windowFirst || column > _windowLast
            || text.IsEmpty || text[0] <= (byte)' ' || text[^1] <= (byte)' ')
            return false;
        if (at < _next)
            return false;
        MoveTo(at);
        var vector = _columns[at];
        vector.AppendUnset();
        _numbers.Add(at, vector.Count - 1, kind, text);
        _next = at + 1;
        return true;
    }

    /// <summary>
    /// Leaves a shared string's text to the taking thread (<see cref="DeferredSharedText"/>) when its column is plain
    /// text; false for any cell <see cref="Put"/> must see (outside the columns, out of order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDeferSharedText(int column, int index)
    {
        int at = column - _firstColumn;
        if ((uint)at >= (uint)_textDeferred.Length || !_textDeferred[at] || column < _windowFirst || column > _windowLast || at < _next)
            return false;
        MoveTo(at);
        _deferred.Append((StringVector)_columns[at], at, index + 1);
        _next = at + 1;
        return true;
    }

    /// <summary>Pads the row with nulls; false when it held no value (nothing was appended).</summary>
    public bool FinishRow()
    {
        if (_next < 0)
            return false;
        while (_next < _columns.Length)
            _columns[_next++].AppendNull();
        return true;
    }

    /// <summary>Makes batch column <paramref name="at"/> the next to fill: the blank rows before this one first, then nulls for the columns skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveTo(int at)
    {
        if (_next != at)
            PadTo(at);
    }

    private void PadTo(int at)
    {
        if (_next < 0)
        {
            for (int i = 0; i < _blankRowsBefore; i++)
            {
                foreach (var column in _columns)
                    column.AppendNull();
            }
            _next = 0;
        }
        while (_next < at)
            _columns[_next++].AppendNull();
    }
}
