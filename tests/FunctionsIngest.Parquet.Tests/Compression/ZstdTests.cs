using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.Compression;

/// <summary>ZSTD through libzstd.so.1 (Debian libzstd1), read back by all three readers.</summary>
public class ZstdTests
{
    [Fact]
    public void Zstd_files_round_trip_and_report_the_codec()
    {
        Assert.True(FunctionsIngest.Parquet.Compression.ZstdCompressor.IsAvailable, "libzstd.so.1 should be present on the project's machines (apt package libzstd1).");
        var table = new SampleTable(4_000, nullable: true, seed: 9);
        string path = TestFile.Write("zstd", table.Columns, new ParquetWriterOptions { Compression = ParquetCompression.Zstd, ZstdLevel = 5 }, w => table.WriteAll(w, 1_500));
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows(), metadata: true);
        Assert.All(result.ChunkMetadata, m => Assert.Equal("ZSTD", m.GetProperty("compression").GetString()));
    }
}
