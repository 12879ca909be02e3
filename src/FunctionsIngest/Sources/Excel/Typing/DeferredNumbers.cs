using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Number cells of a batch's numeric and date columns, appended as placeholders by the thread that fills the batch,
/// with their text kept here, and parsed by the thread that takes it (<see cref="SheetSinglePass.ResolveNumbers"/>):
/// the filling thread bounds a single pass, and the taking thread has time to spare.
/// </summary>
internal sealed class DeferredNumbers
{
    private byte[] _text = new byte[1 << 16];
    private int _textLength;
    private Cell[] _cells = new Cell[1024];

    public int Count { get; private set; }

    private record struct Cell(int Column, int Row, int End, NumberFormatKind Kind);

    public void Add(int column, int row, NumberFormatKind kind, ReadOnlySpan<byte> text)
    {
        if (_textLength + text.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        text.CopyTo(_text.AsSpan(_textLength));
        _textLength += text.Length;
        if (Count == _cells.Length)
            Array.Resize(ref _cells, _cells.Length * 2);
        _cells[Count++] = new Cell(column, row, _textLength, kind);
    }

    /// <summary>The i-th cell: its batch column and row, its number format kind and its text.</summary>
    public ReadOnlySpan<byte> Get(int i, out int column, out int row, out NumberFormatKind kind)
    {
        var cell = _cells[i];
        column = cell.Column;
        row = cell.Row;
        kind = cell.Kind;
        int start = i == 0 ? 0 : _cells[i - 1].End;
        return _text.AsSpan(start, cell.End - start);
    }

    public void Clear()
    {
        Count = 0;
        _textLength = 0;
    }
}
