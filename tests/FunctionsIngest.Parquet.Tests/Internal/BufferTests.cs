using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Tests.Internal;

public class BufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4_095)]
    [InlineData(4_097)]
    [InlineData(300_001)]
    public void Segmented_buffer_keeps_bytes_in_order_across_segments(int maxWrite)
    {
        var rng = new Random(maxWrite);
        var expected = new MemoryStream();
        using var buffer = new SegmentedBuffer();
        while (expected.Length < 3_500_000)
        {
            var chunk = new byte[rng.Next(0, maxWrite + 1)];
            rng.NextBytes(chunk);
            buffer.Write(chunk);
            expected.Write(chunk);
        }

        var actual = new MemoryStream();
        buffer.CopyTo(actual);
        Assert.Equal(expected.Length, buffer.Length);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public void Byte_buffer_patches_and_varints()
    {
        using var buffer = new ByteBuffer(16);
        buffer.WriteInt32LittleEndian(0);
        buffer.WriteVarUInt64(300);
        buffer.WriteVarUInt64(ulong.MaxValue);
        buffer.PatchInt32LittleEndian(0, 0x01020304);
        byte[] expected = [0x04, 0x03, 0x02, 0x01, 0xAC, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }
}
