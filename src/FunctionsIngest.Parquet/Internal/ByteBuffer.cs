using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FunctionsIngest.Parquet.Internal;

/// <summary>Growable byte buffer backed by <see cref="ArrayPool{T}"/>; the unit of in-memory page and chunk data.</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public ByteBuffer(int initialCapacity = 256) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public Span<byte> WrittenSpanMutable => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Returns writable space of at least <paramref name="size"/> bytes at the end; commit with <see cref="Advance"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size) Grow(size);
        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte GetRef(int size)
    {
        if (_buffer.Length - _length < size) Grow(size);
        return ref _buffer[_length];
    }

    public void Advance(int count) => _length += count;

    /// <summary>Drops bytes from the end (used to undo a reservation).</summary>
    public void Truncate(int length) => _length = length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (_buffer.Length - _length < data.Length) Grow(data.Length);
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        if (_buffer.Length - _length < 4) Grow(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Overwrites 4 bytes at <paramref name="position"/> (a length prefix reserved earlier).</summary>
    public void PatchInt32LittleEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position, 4), value);

    /// <summary>ULEB128, as used by Thrift compact and the RLE/bit-packing hybrid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarUInt64(ulong value)
    {
        if (_buffer.Length - _length < 10) Grow(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    public void CopyTo(Stream stream) => stream.Write(_buffer, 0, _length);

    private void Grow(int needed)
    {
        long target = Math.Max((long)_buffer.Length * 2, (long)_length + needed);
        if (target > Array.MaxLength) target = Math.Max(Array.MaxLength, _length + needed);
        if (target > Array.MaxLength) throw new InvalidOperationException("A Parquet page or column chunk exceeds 2 GiB; lower RowGroupRows or RowGroupMaxBytes.");
        var next = ArrayPool<byte>.Shared.Rent((int)target);
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
