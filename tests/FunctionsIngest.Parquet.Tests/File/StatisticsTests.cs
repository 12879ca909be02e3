using System.Text.Json;
using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.File;

/// <summary>Chunk statistics as DuckDB's parquet_metadata() and hyparquet's footer decode them.</summary>
public class StatisticsTests
{
    private static Dictionary<string, JsonElement> ByColumn(OracleResult r) =>
        r.ChunkMetadata.ToDictionary(m => m.GetProperty("path_in_schema").GetString()!, m => m);

    private static string? S(JsonElement m, string property) => m.GetProperty(property).ValueKind == JsonValueKind.Null ? null : m.GetProperty(property).ToString();

    [Fact]
    public void Min_max_null_count_per_type()
    {
        string path = TestFile.Write("stats", [
            new("i", ParquetColumnType.Int32), new("l", ParquetColumnType.Int64), new("d", ParquetColumnType.Date),
            new("b", ParquetColumnType.Boolean), new("s", ParquetColumnType.String), new("x", ParquetColumnType.Binary),
            new("t", ParquetColumnType.TimestampMicros)], null, w =>
        {
            bool[] nulls = [false, true, false, false, true];
            w.WriteInt32(0, [5, 999, -7, 3, 0], nulls);
            w.WriteInt64(1, [long.MaxValue, 0, -2, long.MinValue + 1, 12], nulls);
            w.WriteInt32(2, [19_000, 0, -1, 20_000, 5], nulls);
            w.WriteBoolean(3, [true, false, true, true, false], nulls);
            w.WriteString(4, ["b", null, "a", "ä", "Z"]);
            w.WriteBinary(5, [[0x80], null, [0x7F, 0xFF], [], null]);
            w.WriteInt64(6, [0, 5, -1_000_000, 86_400_000_000, 1], nulls);
            w.EndBatch();
        });
        var r = ByColumn(ParquetOracle.ReadAll(path, metadata: true));

        Assert.Equal(("-7", "5", "2"), (S(r["i"], "stats_min_value"), S(r["i"], "stats_max_value"), S(r["i"], "stats_null_count")));
        Assert.Equal(("-7", "5"), (S(r["i"], "stats_min"), S(r["i"], "stats_max")));
        Assert.Equal(("-9223372036854775807", "9223372036854775807"), (S(r["l"], "stats_min_value"), S(r["l"], "stats_max_value")));
        Assert.Equal(("1969-12-31", "2024-10-04"), (S(r["d"], "stats_min_value"), S(r["d"], "stats_max_value")));
        Assert.Equal(("true", "true"), (S(r["b"], "stats_min_value")?.ToLowerInvariant(), S(r["b"], "stats_max_value")?.ToLowerInvariant()));
        // Strings: unsigned byte order of UTF-8 ("Z" < "a" < "b" < "ä"), no legacy min/max.
        Assert.Equal(("Z", "ä", "1"), (S(r["s"], "stats_min_value"), S(r["s"], "stats_max_value"), S(r["s"], "stats_null_count")));
        Assert.Null(S(r["s"], "stats_min"));
        Assert.Null(S(r["x"], "stats_max"));
        Assert.Equal("2", S(r["x"], "stats_null_count"));
        Assert.Equal(("1969-12-31 23:59:59", "1970-01-02 00:00:00"), (S(r["t"], "stats_min_value"), S(r["t"], "stats_max_value")));
    }

    [Fact]
    public void Binary_min_max_compare_unsigned_bytes()
    {
        string path = TestFile.Write("stats-bin", [new("x", ParquetColumnType.Binary)], null, w =>
        {
            w.WriteBinary(0, [[0x80], null, [0x7F, 0xFF], [0x80, 0x00]]);
            w.EndBatch();
        });
        var m = Assert.Single(ParquetOracle.ReadAll(path, metadata: true).ChunkMetadata);
        Assert.Equal(@"\x7F\xFF", S(m, "stats_min_value"));
        Assert.Equal(@"\x80\x00", S(m, "stats_max_value"));
        var raw = RawFooter.Statistics(path, 0, 0);
        Assert.False(raw.ContainsKey(1), "legacy max must not be written for BYTE_ARRAY");
        Assert.False(raw.ContainsKey(2), "legacy min must not be written for BYTE_ARRAY");
    }

    // DuckDB prints non-finite stats as NULL, so those cases check only the raw footer bytes.
    [Theory]
    [InlineData(new[] { 1.5, double.NaN, -2.0 }, -2.0, 1.5, "-2.0", "1.5", 1)]
    [InlineData(new[] { 0.0, 3.0 }, -0.0, 3.0, "-0.0", "3.0", 0)]
    [InlineData(new[] { -0.0, -3.0, 0.0 }, -3.0, 0.0, "-3.0", "0.0", 0)]
    [InlineData(new[] { -0.0 }, -0.0, 0.0, "-0.0", "0.0", 0)]
    [InlineData(new[] { double.NegativeInfinity, double.NaN, double.PositiveInfinity }, double.NegativeInfinity, double.PositiveInfinity, null, null, 1)]
    [InlineData(new[] { double.NaN, double.NaN }, double.NaN, double.NaN, null, null, 2)]
    public void Float_stats_exclude_nan_and_sign_zeros(double[] values, double min, double max, string? duckMin, string? duckMax, int nanCount)
    {
        string path = TestFile.Write("stats-double", [new("d", ParquetColumnType.Double), new("f", ParquetColumnType.Float)], null, w =>
        {
            w.WriteDouble(0, values, default);
            w.WriteFloat(1, values.Select(v => (float)v).ToArray(), default);
            w.EndBatch();
        });
        foreach (var m in ParquetOracle.ReadAll(path, metadata: true).ChunkMetadata)
        {
            Assert.Equal(duckMin, S(m, "stats_min_value"));
            Assert.Equal(duckMax, S(m, "stats_max_value"));
        }

        var d = RawFooter.Statistics(path, 0, 0);
        var f = RawFooter.Statistics(path, 0, 1);
        Assert.Equal((long)nanCount, d[9]);
        Assert.Equal((long)nanCount, f[9]);
        if (double.IsNaN(min))
        {
            Assert.False(d.ContainsKey(5) || d.ContainsKey(6) || f.ContainsKey(5) || f.ContainsKey(6), "all-NaN chunk must have no min/max");
            return;
        }

        Assert.Equal(BitConverter.GetBytes(min), (byte[])d[6]);
        Assert.Equal(BitConverter.GetBytes(max), (byte[])d[5]);
        Assert.Equal(BitConverter.GetBytes((float)min), (byte[])f[6]);
        Assert.Equal(BitConverter.GetBytes((float)max), (byte[])f[5]);
        Assert.Equal((byte[])d[6], (byte[])d[2]);   // legacy min/max mirror the new fields for signed-order types
        Assert.Equal((byte[])d[5], (byte[])d[1]);
    }

    [Fact]
    public void Column_orders_are_type_order_and_created_by_and_metadata_are_written()
    {
        var meta = new Dictionary<string, string> { ["source"] = "sheet1.xlsx", ["ünï"] = "cødé" };
        string path = TestFile.Write("footer", [new("a", ParquetColumnType.Int32), new("b", ParquetColumnType.String)], new ParquetWriterOptions { Metadata = meta }, w =>
        {
            w.WriteInt32(0, [1], default);
            w.WriteString(1, ["x"]);
            w.EndBatch();
        });
        var result = ParquetOracle.ReadAll(path, metadata: true);
        var orders = (List<object>)RawFooter.Read(path)[7];
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal([1], ((Dictionary<short, object>)o).Keys.Select(k => (int)k)));  // TYPE_ORDER member
        string createdBy = result.Footer.GetProperty("created_by").GetString()!;
        Assert.Equal(ParquetWriterOptions.DefaultCreatedBy, createdBy);
        // parquet-java's VersionParser pattern; a mismatch makes it ignore BINARY statistics (PARQUET-251).
        Assert.Matches(@"^FunctionsIngest version \d+\.\d+\.\d+[^ (]* \(build [^)]+\)$", createdBy);
        var kv = result.DuckDb.Metadata!.Value.GetProperty("parquet_kv_metadata").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Equal(meta, kv);
        Assert.Equal(1, result.Footer.GetProperty("version").GetInt32());
    }
}
