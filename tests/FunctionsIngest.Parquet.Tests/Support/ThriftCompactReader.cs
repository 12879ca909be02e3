using System.Buffers.Binary;

namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>
/// Minimal, independent Thrift compact decoder for tests: structs become id -> value maps
/// (long, bool, byte[], double, List&lt;object&gt;, Dictionary&lt;short, object&gt;).
/// </summary>
internal sealed class ThriftCompactReader
{
    private readonly byte[] _data;

    public ThriftCompactReader(byte[] data, int position = 0)
    {
        _data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public Dictionary<short, object> ReadStruct()
    {
        var fields = new Dictionary<short, object>();
        short last = 0;
        while (true)
        {
            byte header = _data[Position++];
            if (header == 0) return fields;
            int type = header & 0x0F;
            int delta = header >> 4;
            short id = delta != 0 ? (short)(last + delta) : (short)ZigZag(ReadVarint());
            last = id;
            fields[id] = ReadValue(type);
        }
    }

    private object ReadValue(int type) => type switch
    {
        1 => true,
        2 => false,
        3 => (long)(sbyte)_data[Position++],
        4 or 5 or 6 => ZigZag(ReadVarint()),
        7 => ReadDouble(),
        8 => ReadBinary(),
        9 or 10 => ReadList(),
        12 => ReadStruct(),
        _ => throw new InvalidDataException($"Unsupported compact type {type} at {Position}."),
    };

    private List<object> ReadList()
    {
        byte header = _data[Position++];
        int size = header >> 4;
        int elementType = header & 0x0F;
        if (size == 15) size = (int)ReadVarint();
        var list = new List<object>(size);
        for (int i = 0; i < size; i++)
        {
            list.Add(elementType is 1 or 2 ? _data[Position++] == 1 : ReadValue(elementType));
        }

        return list;
    }

    private byte[] ReadBinary()
    {
        int length = (int)ReadVarint();
        var value = _data.AsSpan(Position, length).ToArray();
        Position += length;
        return value;
    }

    private double ReadDouble()
    {
        double value = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(Position));
        Position += 8;
        return value;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        int shift = 0;
        while (true)
        {
            byte b = _data[Position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            shift += 7;
        }
    }

    private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
}
