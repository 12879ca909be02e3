using System.Text;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Thrift;

/// <summary>
/// Writer for the subset of the Thrift compact protocol Parquet needs: structs, unions, lists, ints, bools, binary.
/// Tracks the last field id per struct level (it restarts at 0 in every nested struct and list element).
/// </summary>
internal sealed class CompactWriter
{
    private readonly ByteBuffer _out;
    private readonly Stack<short> _parentLastIds = new();
    private short _lastId;

    public CompactWriter(ByteBuffer output) => _out = output;

    public ByteBuffer Output => _out;

    /// <summary>Opens a struct that has no field header (the top-level struct or a list element).</summary>
    public void BeginStruct()
    {
        _parentLastIds.Push(_lastId);
        _lastId = 0;
    }

    /// <summary>Writes the stop byte and restores the parent's last field id.</summary>
    public void EndStruct()
    {
        _out.WriteByte((byte)CompactType.Stop);
        _lastId = _parentLastIds.Pop();
    }

    public void BeginStructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>A field holding an empty struct (e.g. <c>StringType{}</c> or a union member without payload).</summary>
    public void EmptyStructField(short id)
    {
        BeginStructField(id);
        EndStruct();
    }

    public void I8Field(short id, sbyte value)
    {
        FieldHeader(id, CompactType.Byte);
        _out.WriteByte((byte)value);
    }

    public void I16Field(short id, short value)
    {
        FieldHeader(id, CompactType.I16);
        WriteI32(value);
    }

    public void I32Field(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        WriteI32(value);
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        WriteI64(value);
    }

    /// <summary>Booleans carry their value in the header's type nibble (1 = true, 2 = false).</summary>
    public void BoolField(short id, bool value) =>
        FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteBinary(value);
    }

    public void StringField(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteString(value);
    }

    public void ListField(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    public void ListHeader(CompactType elementType, int count)
    {
        if (count < 15)
        {
            _out.WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            _out.WriteByte((byte)(0xF0 | (int)elementType));
            _out.WriteVarUInt64((uint)count);
        }
    }

    public void WriteI32(int value) => _out.WriteVarUInt64((uint)((value << 1) ^ (value >> 31)));

    public void WriteI64(long value) => _out.WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        _out.WriteVarUInt64((uint)value.Length);
        _out.Write(value);
    }

    public void WriteString(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 512)
        {
            Span<byte> tmp = stackalloc byte[max];
            WriteBinary(tmp[..Encoding.UTF8.GetBytes(value, tmp)]);
        }
        else
        {
            WriteBinary(Encoding.UTF8.GetBytes(value));
        }
    }

    private void FieldHeader(short id, CompactType type)
    {
        int delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            _out.WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            _out.WriteByte((byte)type);
            WriteI32(id);
        }

        _lastId = id;
    }
}
