using System.IO.Compression;
using FunctionsIngest.Parquet.Compression;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Tests.Compression;

public class CompressorTests
{
    public static TheoryData<int, string> Inputs() => new()
    {
        { 0, "random" }, { 1, "random" }, { 16, "random" }, { 17, "repeat" }, { 100, "text" },
        { 65_535, "text" }, { 65_536, "repeat" }, { 65_537, "text" }, { 300_000, "random" }, { 1_000_003, "text" }, { 2_000_000, "repeat" },
    };

    private static byte[] Make(int size, string kind)
    {
        var rng = new Random(size);
        var data = new byte[size];
        switch (kind)
        {
            case "random": rng.NextBytes(data); break;
            case "repeat": Array.Fill(data, (byte)7); break;
            default:
                var words = new[] { "alpha ", "beta ", "gamma ", "2024-01-01 ", "customer-", "€uro " }.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
                for (int i = 0; i < size;)
                {
                    var w = words[rng.Next(words.Length)];
                    for (int k = 0; k < w.Length && i < size; k++) data[i++] = w[k];
                }

                break;
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Snappy_output_is_decoded_exactly_by_an_independent_decoder(int size, string kind)
    {
        var data = Make(size, kind);
        using var buffer = new ByteBuffer();
        new SnappyCompressor().Compress(data, buffer);
        var compressed = buffer.WrittenSpan.ToArray();
        Assert.Equal(data, IronSnappy.Snappy.Decode(compressed));
        Assert.True(compressed.Length <= SnappyCompressor.MaxCompressedLength(size));
        if (kind == "repeat" && size > 1000) Assert.True(compressed.Length < size / 10, $"compressible input barely shrank: {compressed.Length}/{size}");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Gzip_is_one_member_with_flg_0_and_round_trips(int size, string kind)
    {
        var data = Make(size, kind);
        using var buffer = new ByteBuffer();
        new GzipCompressor().Compress(data, buffer);
        var compressed = buffer.WrittenSpan.ToArray();
        Assert.Equal(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, compressed[..4]); // ID1 ID2 CM=deflate FLG=0 (DuckDB skips a fixed 10-byte header)
        using var gz = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        Assert.Equal(data, output.ToArray());
    }
}
