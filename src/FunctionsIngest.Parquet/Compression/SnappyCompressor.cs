using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Compression;

/// <summary>
/// Snappy raw block format (not the framed format): varint uncompressed length, then literal/copy elements.
/// Greedy hash-table matcher over 64 KiB blocks, written from the format description (format_description.txt).
/// </summary>
internal sealed class SnappyCompressor : PageCompressor
{
    private const int BlockSize = 1 << 16;
    private const int MaxTableSize = 1 << 14;
    private const int InputMargin = 15;          // bytes kept after the last hash probe so 8-byte loads stay in bounds
    private const int MinNonLiteralBlock = 17;   // 1 + 1 + InputMargin
    private readonly ushort[] _table = new ushort[MaxTableSize];

    public override CompressionCodec Codec => CompressionCodec.Snappy;

    public static int MaxCompressedLength(int length) => 32 + length + (length / 6);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Compress(ReadOnlySpan<byte> source, ByteBuffer output)
    {
        int max = MaxCompressedLength(source.Length);
        var dest = output.GetSpan(max);
        int d = WriteVarint(dest, (uint)source.Length);
        for (int start = 0; start < source.Length; start += BlockSize)
        {
            var block = source.Slice(start, Math.Min(BlockSize, source.Length - start));
            d += block.Length < MinNonLiteralBlock ? EmitLiteral(dest[d..], block) : CompressBlock(block, dest[d..]);
        }

        output.Advance(d);
    }

    private static int WriteVarint(Span<byte> dest, uint value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            dest[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        dest[i++] = (byte)value;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load32(ref byte src, int offset) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load64(ref byte src, int offset) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint value, int shift) => (int)((value * 0x1e35a7bdu) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CompressBlock(ReadOnlySpan<byte> block, Span<byte> dest)
    {
        int length = block.Length;
        int shift = 32 - 8;
        int tableSize = 1 << 8;
        while (tableSize < MaxTableSize && tableSize < length)
        {
            tableSize <<= 1;
            shift--;
        }

        var table = _table.AsSpan(0, tableSize);
        table.Clear();
        int mask = tableSize - 1;
        ref byte src = ref MemoryMarshal.GetReference(block);
        int sLimit = length - InputMargin;
        int nextEmit = 0;
        int s = 1;
        int d = 0;
        int nextHash = Hash(Load32(ref src, s), shift);
        while (true)
        {
            // Look for a 4-byte match, probing less often the longer nothing matches (skip heuristic).
            int skip = 32;
            int nextS = s;
            int candidate;
            do
            {
                s = nextS;
                int step = skip >> 5;
                nextS = s + step;
                skip += step;
                if (nextS > sLimit) goto EmitRemainder;
                candidate = table[nextHash & mask];
                table[nextHash & mask] = (ushort)s;
                nextHash = Hash(Load32(ref src, nextS), shift);
            }
            while (Load32(ref src, s) != Load32(ref src, candidate));

            d += EmitLiteral(dest[d..], block[nextEmit..s]);
            while (true)
            {
                int matchStart = s;
                s += 4;
                int c = candidate + 4;
                while (s <= length - 8)
                {
                    ulong diff = Load64(ref src, s) ^ Load64(ref src, c);
                    if (diff != 0)
                    {
                        s += System.Numerics.BitOperations.TrailingZeroCount(diff) >> 3;
                        goto MatchEnd;
                    }

                    s += 8;
                    c += 8;
                }

                while (s < length && block[c] == block[s])
                {
                    s++;
                    c++;
                }

            MatchEnd:
                d += EmitCopy(dest[d..], matchStart - candidate, s - matchStart);
                nextEmit = s;
                if (s >= sLimit) goto EmitRemainder;

                ulong x = Load64(ref src, s - 1);
                table[Hash((uint)x, shift) & mask] = (ushort)(s - 1);
                int currHash = Hash((uint)(x >> 8), shift) & mask;
                candidate = table[currHash];
                table[currHash] = (ushort)s;
                if ((uint)(x >> 8) != Load32(ref src, candidate))
                {
                    nextHash = Hash((uint)(x >> 16), shift);
                    s++;
                    break;
                }
            }
        }

    EmitRemainder:
        if (nextEmit < length) d += EmitLiteral(dest[d..], block[nextEmit..]);
        return d;
    }

    private static int EmitLiteral(Span<byte> dest, ReadOnlySpan<byte> literal)
    {
        int n = literal.Length - 1;
        int i;
        if (n < 60)
        {
            dest[0] = (byte)(n << 2);
            i = 1;
        }
        else if (n < 1 << 8)
        {
            dest[0] = 60 << 2;
            dest[1] = (byte)n;
            i = 2;
        }
        else
        {
            dest[0] = 61 << 2;
            dest[1] = (byte)n;
            dest[2] = (byte)(n >> 8);
            i = 3;
        }

        literal.CopyTo(dest[i..]);
        return i + literal.Length;
    }

    private static int EmitCopy(Span<byte> dest, int offset, int length)
    {
        int i = 0;
        // Copy-2 elements carry lengths 1..64; keep the remainder >= 4 so a copy-1 can finish it.
        while (length >= 68)
        {
            dest[i] = (63 << 2) | 2;
            dest[i + 1] = (byte)offset;
            dest[i + 2] = (byte)(offset >> 8);
            i += 3;
            length -= 64;
        }

        if (length > 64)
        {
            dest[i] = (59 << 2) | 2;
            dest[i + 1] = (byte)offset;
            dest[i + 2] = (byte)(offset >> 8);
            i += 3;
            length -= 60;
        }

        if (length >= 12 || offset >= 2048)
        {
            dest[i] = (byte)(((length - 1) << 2) | 2);
            dest[i + 1] = (byte)offset;
            dest[i + 2] = (byte)(offset >> 8);
            return i + 3;
        }

        dest[i] = (byte)(((offset >> 8) << 5) | ((length - 4) << 2) | 1);
        dest[i + 1] = (byte)offset;
        return i + 2;
    }
}
