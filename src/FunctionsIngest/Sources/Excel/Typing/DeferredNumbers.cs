using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int column, int row, NumberFormatKind kind, ReadOnlySpan<byte> text)
    {
        int length = text.Length;
        if (_textLength + length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + length));
        if (length is >= 4 and <= 16)
            CopyShort(text, _text.AsSpan(_textLength, length));
        else
            text.CopyTo(_text.AsSpan(_textLength));
        _textLength += length;
        if (Count == _cells.Length)
            Array.Resize(ref _cells, _cells.Length * 2);
        _cells[Count++] = new Cell(column, row, _textLength, kind);
    }

    /// <summary>4-16 bytes as two loads and two stores that overlap, inside both spans: most numbers' text, copied without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyShort(ReadOnlySpan<byte> from, Span<byte> to)
    {
        ref byte source = ref MemoryMarshal.GetReference(from);
        ref byte target = ref MemoryMarshal.GetReference(to);
        int length = from.Length;
        if (length >= 8)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8)));
        }
        else
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4)));
        }
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
