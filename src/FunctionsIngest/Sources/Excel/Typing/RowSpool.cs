using System.Buffers.Binary;
using System.Runtime.InteropServices;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// The data rows of pass 1 in a compact binary form, so pass 2 replays them instead of inflating and parsing the
/// sheet again. Held in memory up to <see cref="MemoryLimit"/> bytes, then spilled to a temp file deleted on close,
/// so memory stays bounded. Per row: row number, cell count (the top bit: columns ascending); per cell: column, kind,
/// payload (8-byte number or micros, shared-string index, or UTF-16 text). Blank and null-with-warning cells are not stored.
/// </summary>
internal sealed class RowSpool : IDisposable
{
    public const int MemoryLimit = 16 * 1024 * 1024;
    private const byte SharedText = 0x80;
    private const int AscendingFlag = 0x8000;    // in a row's 16-bit cell count (at most 16,384 cells)
    private const int MaxFixedCellBytes = 5 + 1 + 8; // column varint, kind, 8-byte payload

    private readonly Func<int, string> _sharedStrings;
    private Stream _stream = new MemoryStream();
    private bool _reading;

    private readonly int _memoryLimit;

    public RowSpool(Func<int, string> sharedStrings, int memoryLimit = MemoryLimit)
    {
        _sharedStrings = sharedStrings;
        _memoryLimit = memoryLimit;
    }

    public long Length => _stream.Length + (_reading ? 0 : _bufferPos);

    /// <summary>True once the spool moved to a temp file.</summary>
    public bool OnDisk => _stream is not MemoryStream;

    /// <summary>Stores the row's values; false (nothing stored) when it has none.</summary>
    public bool Write(RowBuffer row)
    {
        int count = 0;
        bool ascending = true;
        int previous = -1;
        for (int i = 0; i < row.SetCount; i++)
        {
            int column = row.SetColumn(i);
            if (!IsStored(row.Get(column)))
                continue;
            count++;
            ascending &= column > previous;
            previous = column;
        }
        if (count == 0)
            return false;
        WriteVarint((uint)row.RowNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), (ushort)(count | (ascending ? AscendingFlag : 0)));
        for (int i = 0; i < row.SetCount; i++)
        {
            int column = row.SetColumn(i);
            ref readonly var cell = ref row.Get(column);
            if (IsStored(cell))
                WriteCell(column, cell);
        }
        if (_bufferPos > _buffer.Length / 2)
        {
            FlushBuffer();
            if (_stream is MemoryStream memory && memory.Length > _memoryLimit)
                Spill(memory);
        }
        return true;
    }

    /// <summary>Column varint, kind, payload: one reservation for all but inline text.</summary>
    private void WriteCell(int column, in CellValue cell)
    {
        var span = Reserve(MaxFixedCellBytes);
        int n = PutVarint(span, (uint)column);
        if (cell.Kind == CellKind.Text)
        {
            if (cell.SharedIndex > 0)
            {
                span[n++] = SharedText;
                n += PutVarint(span[n..], (uint)cell.SharedIndex);
                _bufferPos -= MaxFixedCellBytes - n;
                return;
            }
            span[n++] = (byte)CellKind.Text;
            _bufferPos -= MaxFixedCellBytes - n;
            WriteVarint((uint)cell.Text!.Length);
            WriteBytes(MemoryMarshal.AsBytes(cell.Text.AsSpan()));
            return;
        }
        span[n++] = (byte)cell.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[n..], cell.Bits);
        _bufferPos -= MaxFixedCellBytes - n - 8;
    }

    private static bool IsStored(in CellValue cell) => cell.Kind is CellKind.Number or CellKind.Boolean or CellKind.Text or CellKind.DateTime or CellKind.Time;

    private void Spill(MemoryStream memory)
    {
        var path = Path.Combine(Path.GetTempPath(), "fi-xlsx-spool-" + Guid.NewGuid().ToString("N") + ".bin");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        memory.Position = 0;
        memory.CopyTo(file);
        memory.Dispose();
        _stream = file;
    }

    /// <summary>Switches from writing to reading, from the first row.</summary>
    public void StartReading()
    {
        if (_reading)
        {
            Rewind();
            return;
        }
        FlushBuffer();
        if (_stream is MemoryStream memory && memory.Length > _memoryLimit)
            Spill(memory);
        _stream.Flush();
        _stream.Position = 0;
        _bufferPos = _bufferEnd = 0;
        _reading = true;
    }

    /// <summary>While reading: back to the first row, for another replay.</summary>
    public void Rewind()
    {
        _stream.Position = 0;
        _bufferPos = _bufferEnd = 0;
    }

    public bool Read(RowBuffer row)
    {
        row.Clear();
        if (!TryReadRowStart(out int rowNumber, out int count, out _))
            return false;
        row.RowNumber = rowNumber;
        ReadCells(row, count);
        return true;
    }

    /// <summary>The current row's next <paramref name="count"/> cells into <paramref name="row"/> (not cleared first).</summary>
    public void ReadCells(RowBuffer row, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int column = ReadCell(out var cell);
            row.Put(column, cell);
        }
    }

    /// <summary>
    /// The next row's number and stored cell count, then read exactly that many cells with <see cref="ReadCell"/>.
    /// <paramref name="ascending"/>: the cells come in increasing column order (as Excel writes them).
    /// </summary>
    public bool TryReadRowStart(out int rowNumber, out int cellCount, out bool ascending)
    {
        cellCount = 0;
        ascending = false;
        rowNumber = 0;
        if (!_reading || !TryReadVarint(out uint number))
            return false;
        rowNumber = (int)number;
        int header = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
        cellCount = header & ~AscendingFlag;
        ascending = (header & AscendingFlag) != 0;
        return true;
    }

    /// <summary>One cell of the current row: returns its column.</summary>
    public int ReadCell(out CellValue cell)
    {
        if (_bufferEnd - _bufferPos >= MaxFixedCellBytes)
        {
            // The common cell in one bounds check: a one-byte column and an 8-byte payload.
            var span = _buffer.AsSpan(_bufferPos, MaxFixedCellBytes);
            byte first = span[0], fixedKind = span[1];
            if (first < 0x80 && fixedKind is not (SharedText or (byte)CellKind.Text))
            {
                cell = default;
                cell.Kind = (CellKind)fixedKind;
                cell.Bits = BinaryPrimitives.ReadInt64LittleEndian(span[2..]);
                _bufferPos += 10;
                return first;
            }
            if (first < 0x80 && fixedKind == SharedText && TryDecodeVarint(span[2..], out uint index, out int used))
            {
                cell = default;
                cell.Kind = CellKind.Text;
                cell.SharedIndex = (int)index;
                cell.Text = _sharedStrings(cell.SharedIndex);
                _bufferPos += 2 + used;
                return first;
            }
        }
        int column = (int)ReadVarint();
        byte kind = ReadByte();
        cell = default;
        switch (kind)
        {
            case SharedText:
                cell.SharedIndex = (int)ReadVarint();
                cell.Kind = CellKind.Text;
                cell.Text = _sharedStrings(cell.SharedIndex);
                break;
            case (byte)CellKind.Text:
                int length = (int)ReadVarint();
                var bytes = ReadBytes(length * 2);
                cell.Kind = CellKind.Text;
                cell.Text = new string(MemoryMarshal.Cast<byte, char>(bytes));
                break;
            default:
                cell.Kind = (CellKind)kind;
                cell.Bits = ReadInt64();
                break;
        }
        return column;
    }

    // Own buffering: per-call overhead of Stream.Write/ReadByte dominated when cells were written field by field.
    private byte[] _buffer = new byte[1 << 16];
    private int _bufferPos;   // write: bytes pending; read: next byte
    private int _bufferEnd;   // read: bytes available

    private Span<byte> Reserve(int count)
    {
        if (_bufferPos + count > _buffer.Length)
        {
            FlushBuffer();
            if (count > _buffer.Length)
                _buffer = new byte[count];
        }
        var span = _buffer.AsSpan(_bufferPos, count);
        _bufferPos += count;
        return span;
    }

    private void FlushBuffer()
    {
        _stream.Write(_buffer, 0, _bufferPos);
        _bufferPos = 0;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length / 2)
        {
            FlushBuffer();
            _stream.Write(bytes);
            return;
        }
        bytes.CopyTo(Reserve(bytes.Length));
    }

    private void WriteVarint(uint value)
    {
        var span = Reserve(5);
        _bufferPos -= 5 - PutVarint(span, value);
    }

    private static int PutVarint(Span<byte> span, uint value)
    {
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        return n;
    }

    private bool Available(int count)
    {
        if (_bufferEnd - _bufferPos >= count)
            return true;
        int left = _bufferEnd - _bufferPos;
        if (count > _buffer.Length)
        {
            var bigger = new byte[count];
            _buffer.AsSpan(_bufferPos, left).CopyTo(bigger);
            _buffer = bigger;
        }
        else
        {
            _buffer.AsSpan(_bufferPos, left).CopyTo(_buffer);
        }
        _bufferPos = 0;
        _bufferEnd = left;
        while (_bufferEnd < count)
        {
            int n = _stream.Read(_buffer, _bufferEnd, _buffer.Length - _bufferEnd);
            if (n == 0)
                return false;
            _bufferEnd += n;
        }
        return true;
    }

    private byte ReadByte()
    {
        if (_bufferPos < _bufferEnd || Available(1))
            return _buffer[_bufferPos++];
        throw new EndOfStreamException("The row spool ended early.");
    }

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    private ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (_bufferEnd - _bufferPos < count && !Available(count))
            throw new EndOfStreamException("The row spool ended early.");
        var span = _buffer.AsSpan(_bufferPos, count);
        _bufferPos += count;
        return span;
    }

    private uint ReadVarint() => TryReadVarint(out uint value) ? value : throw new EndOfStreamException("The row spool ended early.");

    /// <summary>A whole varint at the start of <paramref name="bytes"/>; false when it runs past them (or past 5 bytes).</summary>
    private static bool TryDecodeVarint(ReadOnlySpan<byte> bytes, out uint value, out int used)
    {
        value = 0;
        for (used = 0; used < Math.Min(bytes.Length, 5); used++)
        {
            byte b = bytes[used];
            value |= (uint)(b & 0x7F) << (7 * used);
            if (b < 0x80)
            {
                used++;
                return true;
            }
        }
        return false;
    }

    private bool TryReadVarint(out uint value)
    {
        if (TryDecodeVarint(_buffer.AsSpan(_bufferPos, _bufferEnd - _bufferPos), out value, out int used))
        {
            _bufferPos += used; // the whole varint is buffered: the common case
            return true;
        }
        value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (!Available(1))
                return shift == 0 ? false : throw new EndOfStreamException("The row spool ended early.");
            byte b = _buffer[_bufferPos++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
                return true;
        }
        throw new InvalidDataException("Bad varint in the row spool.");
    }

    public void Dispose() => _stream.Dispose();
}
