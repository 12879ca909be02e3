using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.RoundTrip;

/// <summary>Every column type x nullability x codec, read back by DuckDB, arrow-rs and hyparquet.</summary>
public class AllTypesRoundTripTests
{
    [Theory]
    [InlineData(ParquetCompression.None, true)]
    [InlineData(ParquetCompression.None, false)]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Gzip, true)]
    [InlineData(ParquetCompression.Gzip, false)]
    public void All_types_round_trip_through_three_readers(ParquetCompression codec, bool nullable)
    {
        var table = new SampleTable(2_500, nullable, seed: (int)codec + 10);
        string path = TestFile.Write($"alltypes-{codec}-{nullable}", table.Columns, new ParquetWriterOptions { Compression = codec, PageRowLimit = 700 },
            w => table.WriteAll(w, 999));

        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows(), metadata: true);

        string codecName = codec switch { ParquetCompression.None => "UNCOMPRESSED", ParquetCompression.Snappy => "SNAPPY", _ => "GZIP" };
        Assert.All(result.ChunkMetadata, m => Assert.Equal(codecName, m.GetProperty("compression").GetString()));
        var repetition = result.Footer.GetProperty("schema").EnumerateArray().Skip(1).Select(e => e.GetProperty("repetition_type").GetString()).Distinct().ToList();
        Assert.Equal([nullable ? "OPTIONAL" : "REQUIRED"], repetition);
    }

    [Fact]
    public void Logical_types_are_what_each_reader_reports()
    {
        var table = new SampleTable(10, nullable: true);
        string path = TestFile.Write("logical", table.Columns, null, w => table.WriteAll(w, 10));
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, table.ExpectedRows());
        Assert.Equal(
            ["BOOLEAN", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "VARCHAR", "BLOB", "DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIME"],
            result.DuckDb.Types);
        Assert.Equal(
            ["Bool", "Int32", "Int64", "Float32", "Float64", "Utf8", "Binary", "Date32<DAY>", "Timestamp<MICROSECOND>", "Timestamp<MICROSECOND, UTC>", "Time64<MICROSECOND>"],
            result.ArrowRs.Types);
    }
}
