using System.Runtime.CompilerServices;
using System.Text;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Encodings;

/// <summary>PLAIN encoding helpers for the types whose bytes are not a straight little-endian copy.</summary>
internal static class PlainEncoder
{
    /// <summary>BOOLEAN: bit-packed, value i in byte i/8 bit i%8, last byte zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteBooleans(ReadOnlySpan<bool> values, ByteBuffer output)
    {
        int byteCount = (values.Length + 7) / 8;
        var dest = output.GetSpan(byteCount)[..byteCount];
        dest.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i]) dest[i >> 3] |= (byte)(1 << (i & 7));
        }

        output.Advance(byteCount);
    }

    /// <summary>BYTE_ARRAY from a string: u32 LE length, then UTF-8. Returns the offset of the UTF-8 bytes.</summary>
    public static int WriteString(string value, ByteBuffer output)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
        var dest = output.GetSpan(max);
        int written = Encoding.UTF8.GetBytes(value, dest[4..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(dest, written);
        int start = output.Length + 4;
        output.Advance(written + 4);
        return start;
    }

    /// <summary>BYTE_ARRAY from raw bytes: u32 LE length, then the bytes.</summary>
    public static void WriteBinary(ReadOnlySpan<byte> value, ByteBuffer output)
    {
        output.WriteInt32LittleEndian(value.Length);
        output.Write(value);
    }
}
