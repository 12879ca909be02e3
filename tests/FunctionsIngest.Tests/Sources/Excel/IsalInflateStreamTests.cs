using System.IO.Compression;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// ISA-L's inflate (<see cref="IsalInflateStream"/>) gives exactly what .NET's DeflateStream gives, and fails on
/// damaged data the way it does. The test script installs libisal2, so the library must be there.
/// </summary>
public class IsalInflateStreamTests
{
    private static byte[] Deflate(byte[] data, CompressionLevel level)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
            deflate.Write(data);
        return output.ToArray();
    }

    private static byte[] Inflate(byte[] compressed, long declaredLength, int readSize)
    {
        var raw = new MemoryStream(compressed);
        using var stream = new IsalInflateStream(raw, raw, declaredLength);
        return StreamReading.ReadAll(stream, readSize);
    }

    /// <summary>Text like a sheet's, random bytes (stored blocks), long runs, and a mix of them.</summary>
    private static byte[] Data(string kind, int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        switch (kind)
        {
            case "random":
                random.NextBytes(data);
                break;
            case "runs":
                for (int i = 0; i < length; i++)
                    data[i] = (byte)(i / 5000 % 3);
                break;
            case "xml":
                var text = new System.Text.StringBuilder();
                for (int row = 1; text.Length < length; row++)
                    text.Append($"<row r=\"{row}\"><c r=\"A{row}\"><v>{random.Next()}</v></c><c r=\"B{row}\" t=\"s\"><v>{random.Next(50)}</v></c></row>");
                System.Text.Encoding.ASCII.GetBytes(text.ToString(), 0, length, data, 0);
                break;
            default:
                Data("xml", length / 2).CopyTo(data, 0);
                Data("random", length - length / 2).CopyTo(data, length / 2);
                break;
        }
        return data;
    }

    [Fact]
    public void The_library_is_there_where_the_test_script_installed_it() =>
        Assert.True(IsalLibrary.IsLoaded, $"{IsalLibrary.FileName} was not found: install the libisal2 package (scripts/test.sh does)");

    [Theory]
    [InlineData("xml", 0, CompressionLevel.Optimal, 4096)]
    [InlineData("xml", 1, CompressionLevel.Optimal, 1)]
    [InlineData("xml", 3_000_000, CompressionLevel.Optimal, 1 << 20)]
    [InlineData("xml", 3_000_000, CompressionLevel.Fastest, 7)]
    [InlineData("xml", 3_000_000, CompressionLevel.SmallestSize, 65_536)]
    [InlineData("random", 500_000, CompressionLevel.Optimal, 4096)]
    [InlineData("runs", 2_000_000, CompressionLevel.Optimal, 100_003)]
    [InlineData("mixed", 1_000_000, CompressionLevel.Fastest, 333)]
    public void Inflates_to_the_original_bytes_at_any_read_size(string kind, int length, CompressionLevel level, int readSize)
    {
        var data = Data(kind, length);
        Assert.Equal(data, Inflate(Deflate(data, level), data.Length, readSize));
    }

    [Fact]
    public void Every_part_of_every_corpus_workbook_inflates_as_DeflateStream_inflates_it()
    {
        int parts = 0;
        foreach (var path in Corpus.Files("*.xlsx"))
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                byte[] expected;
                using (var dotnet = entry.Open())
                    expected = StreamReading.ReadAll(dotnet, 8192);
                using var opened = entry.Open();
                if (opened is not DeflateStream deflate)
                    continue;
                using var isal = new IsalInflateStream(opened, deflate.BaseStream, entry.Length);
                Assert.True(expected.AsSpan().SequenceEqual(StreamReading.ReadAll(isal, 8192)), $"{Path.GetFileName(path)} {entry.FullName}");
                parts++;
            }
        }
        Assert.True(parts > 400, $"only {parts} deflated parts in the corpus");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void Truncated_data_fails_as_damaged_and_does_not_hang(int kept)
    {
        var compressed = Deflate(Data("xml", 300_000), CompressionLevel.Optimal);
        var error = Assert.Throws<InvalidDataException>(() => Inflate(compressed[..kept], 300_000, 4096));
        Assert.Contains("ends before its last block", error.Message);
    }

    [Fact]
    public void A_reserved_block_type_fails_as_damaged()
    {
        var error = Assert.Throws<InvalidDataException>(() => Inflate([0x07, 0x00, 0x00, 0x00], 100, 4096));
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void Output_stops_at_the_size_the_zip_declares_as_DeflateStream_stops()
    {
        var data = Data("xml", 100_000);
        Assert.Equal(data[..1000], Inflate(Deflate(data, CompressionLevel.Optimal), 1000, 4096));
    }
}
