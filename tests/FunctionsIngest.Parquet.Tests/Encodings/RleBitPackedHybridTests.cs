using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Tests.Encodings;

public class RleBitPackedHybridTests
{
    private static byte[] Encode(int[] values, int bitWidth)
    {
        using var buffer = new ByteBuffer();
        RleBitPackedHybrid.Encode<int>(values, bitWidth, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Bit_packs_the_spec_example_0_to_7_at_width_3()
    {
        // Encodings.md: values 0..7, bit width 3 -> one group: header (1 << 1) | 1, then 10001000 11000110 11111010.
        Assert.Equal(new byte[] { 0x03, 0x88, 0xC6, 0xFA }, Encode([0, 1, 2, 3, 4, 5, 6, 7], 3));
    }

    [Fact]
    public void Long_runs_become_rle_runs_with_value_in_ceil_width_bytes()
    {
        Assert.Equal(new byte[] { 0x14, 0x01 }, Encode(Enumerable.Repeat(1, 10).ToArray(), 1));
        Assert.Equal(new byte[] { 0xD0, 0x0F, 0x34, 0x12 }, Encode(Enumerable.Repeat(0x1234, 1000).ToArray(), 13));
    }

    [Fact]
    public void Final_partial_group_is_zero_padded()
    {
        Assert.Equal(new byte[] { 0x03, 0b0000_0101 }, Encode([1, 0, 1], 1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 3)]
    [InlineData(12, 4)]
    [InlineData(20, 5)]
    [InlineData(31, 6)]
    public void Round_trips_mixed_runs(int bitWidth, int seed)
    {
        var rng = new Random(seed);
        var values = new List<int>();
        int max = (int)((1L << bitWidth) - 1);
        while (values.Count < 5000)
        {
            int value = (int)rng.NextInt64(0, max + 1L);
            int count = rng.Next(3) == 0 ? rng.Next(8, 200) : rng.Next(1, 6);
            values.AddRange(Enumerable.Repeat(value, count));
        }

        var encoded = Encode(values.ToArray(), bitWidth);
        Assert.Equal(values, HybridDecoder.Decode(encoded, bitWidth, values.Count));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    [InlineData(int.MaxValue, 31)]
    public void Bit_width_is_bits_of_the_max_value(int max, int expected) =>
        Assert.Equal(expected, RleBitPackedHybrid.BitWidth(max));
}

/// <summary>Test-side decoder written from Encodings.md, independent of the encoder.</summary>
internal static class HybridDecoder
{
    public static List<int> Decode(byte[] data, int bitWidth, int count)
    {
        var result = new List<int>(count);
        int pos = 0;
        while (result.Count < count)
        {
            ulong header = 0;
            int shift = 0;
            while (true)
            {
                byte b = data[pos++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
                shift += 7;
            }

            if ((header & 1) == 0)
            {
                int run = (int)(header >> 1);
                int value = 0;
                for (int i = 0; i < (bitWidth + 7) / 8; i++) value |= data[pos++] << (8 * i);
                for (int i = 0; i < run && result.Count < count; i++) result.Add(value);
            }
            else
            {
                int values = (int)(header >> 1) * 8;
                int bitPos = 0;
                int start = pos;
                for (int i = 0; i < values; i++)
                {
                    int value = 0;
                    for (int bit = 0; bit < bitWidth; bit++, bitPos++)
                    {
                        if ((data[start + (bitPos >> 3)] & (1 << (bitPos & 7))) != 0) value |= 1 << bit;
                    }

                    if (result.Count < count) result.Add(value);
                }

                pos = start + ((values * bitWidth) / 8);
            }
        }

        return result;
    }
}
