using System.Runtime.CompilerServices;
using System.Numerics;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Encodings;

/// <summary>
/// RLE / bit-packing hybrid (Encodings.md): runs of 8+ equal values become RLE runs, everything else
/// bit-packed groups of 8, LSB first. Only the final group of the whole stream is zero-padded.
/// </summary>
internal static class RleBitPackedHybrid
{
    private const int MinRleRun = 8;

    /// <summary>Bits needed for values 0..maxValue (0 for maxValue 0).</summary>
    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>Appends the runs for <paramref name="values"/> (no length prefix, no bit-width byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        int n = values.Length;
        int i = 0;
        while (i < n)
        {
            int run = RunLength(values, i);
            if (run >= MinRleRun)
            {
                WriteRleRun(output, int.CreateTruncating(values[i]), run, bitWidth);
                i += run;
                continue;
            }

            // Bit-packed: whole groups of 8 until a long run starts at a group boundary or the data ends.
            int start = i;
            i += 8;
            while (i < n && RunLength(values, i) < MinRleRun) i += 8;
            int end = Math.Min(i, n);
            WriteBitPacked(output, values[start..end], bitWidth);
            i = end;
        }
    }

    private static int RunLength<T>(ReadOnlySpan<T> values, int start)
        where T : unmanaged, IBinaryInteger<T>
    {
        var rest = values[start..];
        int other = rest.IndexOfAnyExcept(rest[0]);
        return other < 0 ? rest.Length : other;
    }

    private static void WriteRleRun(ByteBuffer output, int value, int count, int bitWidth)
    {
        output.WriteVarUInt64((ulong)count << 1);
        int bytes = (bitWidth + 7) / 8;
        for (int b = 0; b < bytes; b++) output.WriteByte((byte)(value >> (8 * b)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteBitPacked<T>(ByteBuffer output, ReadOnlySpan<T> values, int bitWidth)
        where T : unmanaged, IBinaryInteger<T>
    {
        int groups = (values.Length + 7) / 8;
        output.WriteVarUInt64(((ulong)groups << 1) | 1);
        int byteCount = groups * bitWidth;
        var dest = output.GetSpan(byteCount)[..byteCount];
        ulong acc = 0;
        int bits = 0, pos = 0;
        ulong mask = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        for (int k = 0; k < groups * 8; k++)
        {
            ulong v = k < values.Length ? ulong.CreateTruncating(values[k]) & mask : 0;
            acc |= v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                dest[pos++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        output.Advance(byteCount);
    }
}
