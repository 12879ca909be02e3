using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.RoundTrip;

/// <summary>Boundary shapes: empty files, all-null columns, huge and unicode strings, IEEE specials.</summary>
public class EdgeCaseRoundTripTests
{
    [Fact]
    public void Zero_rows_give_a_valid_file_with_no_row_groups()
    {
        var table = new SampleTable(0, nullable: true);
        string path = TestFile.Write("empty", table.Columns, null, _ => { });
        var result = ParquetOracle.AssertAllReadersSee(path, table.ColumnNames, [], metadata: true);
        Assert.Empty(result.Footer.GetProperty("row_groups").EnumerateArray());
        Assert.Equal("0", result.Footer.GetProperty("num_rows").ToString());
        Assert.Empty(result.ChunkMetadata);
    }

    [Fact]
    public void All_null_columns_read_as_null_with_null_count_and_no_min_max()
    {
        string[] names = ["s", "i", "d", "b"];
        const int n = 30_000;
        string path = TestFile.Write("allnull", [new("s", ParquetColumnType.String), new("i", ParquetColumnType.Int32), new("d", ParquetColumnType.Double), new("b", ParquetColumnType.Boolean)], null, w =>
        {
            var nulls = Enumerable.Repeat(true, n).ToArray();
            w.WriteString(0, new string?[n]);
            w.WriteInt32(1, new int[n], nulls);
            w.WriteDouble(2, new double[n], nulls);
            w.WriteBoolean(3, new bool[n], nulls);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, names, Enumerable.Range(0, n).Select(_ => new object?[4]), metadata: true);
        Assert.All(result.ChunkMetadata, m =>
        {
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), m.GetProperty("stats_null_count").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("stats_min_value").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("stats_max_value").ValueKind);
            Assert.Equal(m.GetProperty("num_values").GetString(), m.GetProperty("stats_null_count").GetString());
        });
    }

    [Fact]
    public void Huge_and_unicode_strings_round_trip_and_long_stats_are_truncated_inexact()
    {
        string huge = string.Concat(Enumerable.Range(0, 300_000).Select(i => (char)('a' + (i % 26)))) + "€𝄞";
        string[] values =
        [
            "", "plain ascii", "ünïcødé", "日本語テキスト", "emoji 🎉🚀", "𝄞 clef (astral)", "combining e\u0301", "nul\0inside", "\uFFFF max BMP",
            "tab\tnew\nline", "\"quotes\" and 'apostrophes'", huge, "𝄞 clef (astral)" + new string('\u4e00', 100),
        ];
        string path = TestFile.Write("strings", [new("s", ParquetColumnType.String, Nullable: false)], new ParquetWriterOptions { PageSizeBytes = 64 * 1024 }, w =>
        {
            w.WriteString(0, values);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, ["s"], values.Select(v => new object?[] { v }), metadata: true);
        var chunk = Assert.Single(result.ChunkMetadata);
        Assert.Equal("", chunk.GetProperty("stats_min_value").GetString());
        Assert.True(chunk.GetProperty("min_is_exact").GetBoolean());
        // UTF-8 byte order puts the astral clef (F0 ..) last; the max value is 319 bytes -> cut at a char boundary <= 64 bytes,
        // last char incremented (U+4E00 -> U+4E01) so it still bounds the real max from above.
        string max = chunk.GetProperty("stats_max_value").GetString()!;
        Assert.False(chunk.GetProperty("max_is_exact").GetBoolean());
        Assert.Equal("𝄞 clef (astral)" + new string('\u4e00', 14) + "\u4e01", max);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(max) <= 64);
        Assert.True(System.Text.Encoding.UTF8.GetBytes(max).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(values[^1])) > 0);
        Assert.EndsWith("\u4e01", max, StringComparison.Ordinal);
    }

    [Fact]
    public void Float_specials_round_trip_bit_exactly()
    {
        double[] doubles = [double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-310, 0.1, 1.0 / 3];
        float[] floats = [float.NaN, 0.0f, -0.0f, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, 1e-40f, 0.1f, 1.0f / 3];
        string path = TestFile.Write("floats", [new("d", ParquetColumnType.Double, false), new("f", ParquetColumnType.Float, false)], null, w =>
        {
            w.WriteDouble(0, doubles, default);
            w.WriteFloat(1, floats, default);
            w.EndBatch();
        });
        ParquetOracle.AssertAllReadersSee(path, ["d", "f"], doubles.Zip(floats, (d, f) => new object?[] { d, f }));
    }

    [Fact]
    public void Oracle_rejects_a_wrong_value()
    {
        string path = TestFile.Write("oracle-negative", [new("i", ParquetColumnType.Int64)], null, w =>
        {
            w.WriteInt64(0, [1, 2, 3], default);
            w.EndBatch();
        });
        ParquetOracle.AssertAllReadersSee(path, ["i"], [[1L], [2L], [3L]]);
        var ex = Assert.Throws<ParquetOracleException>(() => ParquetOracle.AssertAllReadersSee(path, ["i"], [[1L], [2L], [4L]]));
        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ParquetOracleException>(() => ParquetOracle.AssertAllReadersSee(path, ["i"], [[1L], [2L]]));
        Assert.Throws<ParquetOracleException>(() => ParquetOracle.AssertAllReadersSee(path, ["j"], [[1L], [2L], [3L]]));
    }
}
