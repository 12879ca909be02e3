using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.RoundTrip;

/// <summary>Phase-2 logical types: narrow/unsigned ints, JSON, DECIMAL on INT32/INT64/FLBA, UUID, MILLIS times.</summary>
public class LogicalTypesRoundTripTests
{
    private static readonly ParquetColumn[] Columns =
    [
        new("i8", ParquetColumnType.Int8), new("i16", ParquetColumnType.Int16), new("u8", ParquetColumnType.UInt8), new("u16", ParquetColumnType.UInt16),
        new("u32", ParquetColumnType.UInt32), new("u64", ParquetColumnType.UInt64), new("json", ParquetColumnType.Json),
        ParquetColumn.Decimal("dec9", 9, 2), ParquetColumn.Decimal("dec18", 18, 4), ParquetColumn.Decimal("dec30", 30, 3),
        new("uuid", ParquetColumnType.Uuid), new("tsms", ParquetColumnType.TimestampMillis), new("tsmsutc", ParquetColumnType.TimestampMillisUtc),
        new("tms", ParquetColumnType.TimeMillis),
    ];

    private static string[] Names => Columns.Select(c => c.Name).ToArray();

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Zstd)]
    public void Logical_types_round_trip_through_three_readers(ParquetCompression codec)
    {
        const int n = 3_000;
        var nulls = Enumerable.Range(0, n).Select(i => i % 5 == 2).ToArray();
        var rng = new Random(42);
        int[] i8 = Enumerable.Range(0, n).Select(i => i switch { 0 => -128, 1 => 127, _ => rng.Next(-128, 128) }).ToArray();
        int[] i16 = Enumerable.Range(0, n).Select(i => i switch { 0 => short.MinValue, 1 => short.MaxValue, _ => rng.Next(short.MinValue, short.MaxValue + 1) }).ToArray();
        int[] u8 = Enumerable.Range(0, n).Select(i => i switch { 0 => 0, 1 => 255, _ => rng.Next(0, 256) }).ToArray();
        int[] u16 = Enumerable.Range(0, n).Select(i => i switch { 0 => 0, 1 => 65_535, _ => rng.Next(0, 65_536) }).ToArray();
        uint[] u32 = Enumerable.Range(0, n).Select(i => i switch { 0 => 0u, 1 => uint.MaxValue, _ => (uint)rng.NextInt64(0, uint.MaxValue) }).ToArray();
        ulong[] u64 = Enumerable.Range(0, n).Select(i => i switch { 0 => 0ul, 1 => ulong.MaxValue, _ => (ulong)rng.NextInt64() * 2 }).ToArray();
        string?[] json = Enumerable.Range(0, n).Select(i => nulls[i] ? null : $"{{\"id\":{i},\"tags\":[\"a\",\"ü\"],\"ok\":{(i % 2 == 0 ? "true" : "false")}}}").ToArray();
        decimal[] dec9 = Enumerable.Range(0, n).Select(i => i switch { 0 => 9_999_999.99m, 1 => -9_999_999.99m, _ => Math.Round((decimal)(rng.NextDouble() - 0.5) * 1_000_000m, 2) }).ToArray();
        decimal[] dec18 = Enumerable.Range(0, n).Select(i => i switch { 0 => 99_999_999_999.9999m, 1 => -0.0001m, _ => Math.Round((decimal)(rng.NextDouble() - 0.5) * 1_000_000_000m, 4) }).ToArray();
        // hyparquet decodes decimals to doubles: keep FLBA values within 15 significant digits here.
        decimal[] dec30 = Enumerable.Range(0, n).Select(i => i switch { 0 => -123_456_789_012.345m, 1 => 0.001m, _ => Math.Round((decimal)(rng.NextDouble() - 0.5) * 1_000_000m, 3) }).ToArray();
        Guid[] uuids = Enumerable.Range(0, n).Select(i => i == 0 ? Guid.Parse("00112233-4455-6677-8899-aabbccddeeff") : i == 1 ? Guid.Empty : Guid.NewGuid()).ToArray();
        DateTime[] ts = Enumerable.Range(0, n).Select(i => i switch
        {
            0 => new DateTime(1, 1, 1),
            1 => new DateTime(9999, 12, 31, 23, 59, 59, 999),
            2 => new DateTime(1969, 12, 31, 23, 59, 59, 1),
            _ => DateTime.UnixEpoch.AddMilliseconds(rng.NextInt64(-10_000_000_000_000, 10_000_000_000_000)),
        }).ToArray();
        TimeOnly[] times = Enumerable.Range(0, n).Select(i => i == 0 ? TimeOnly.MinValue : i == 1 ? new TimeOnly(23, 59, 59, 999) : new TimeOnly(rng.NextInt64(0, TimeSpan.TicksPerDay) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond)).ToArray();

        string path = TestFile.Write($"logical-{codec}", Columns, new ParquetWriterOptions { Compression = codec, PageRowLimit = 1_000 }, w =>
        {
            for (int start = 0; start < n; start += 1_234)
            {
                int len = Math.Min(1_234, n - start);
                var nl = nulls.AsSpan(start, len);
                w.WriteInt32(0, i8.AsSpan(start, len), nl);
                w.WriteInt32(1, i16.AsSpan(start, len), nl);
                w.WriteInt32(2, u8.AsSpan(start, len), nl);
                w.WriteInt32(3, u16.AsSpan(start, len), nl);
                w.WriteUInt32(4, u32.AsSpan(start, len), nl);
                w.WriteUInt64(5, u64.AsSpan(start, len), nl);
                w.WriteString(6, json.AsSpan(start, len));
                w.WriteDecimal(7, dec9.AsSpan(start, len), nl);
                w.WriteDecimal(8, dec18.AsSpan(start, len), nl);
                w.WriteDecimal(9, dec30.AsSpan(start, len), nl);
                w.WriteUuid(10, uuids.AsSpan(start, len), nl);
                w.WriteTimestamp(11, ts.AsSpan(start, len), nl);
                w.WriteTimestamp(12, ts.AsSpan(start, len), nl);
                w.WriteTime(13, times.AsSpan(start, len), nl);
                w.EndBatch();
            }
        });

        var expected = Enumerable.Range(0, n).Select(i => nulls[i]
            ? new object?[Columns.Length]
            : new object?[] { i8[i], i16[i], u8[i], u16[i], u32[i], u64[i], json[i], dec9[i], dec18[i], dec30[i], uuids[i], ts[i], ts[i], times[i] });
        var result = ParquetOracle.AssertAllReadersSee(path, Names, expected);
        // DuckDB maps JSON to its JSON type only with the json extension loaded; the node build shows VARCHAR.
        Assert.Equal(
            ["TINYINT", "SMALLINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "VARCHAR", "DECIMAL(9,2)", "DECIMAL(18,4)", "DECIMAL(30,3)", "UUID", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIME"],
            result.DuckDb.Types.Select(t => t == "TIMESTAMP_MS" ? "TIMESTAMP" : t));
        Assert.Equal(
            ["Int8", "Int16", "Uint8", "Uint16", "Uint32", "Uint64"],
            result.ArrowRs.Types.Take(6));
        Assert.Equal(["Decimal[9e+2]", "Decimal[18e+4]", "Decimal[30e+3]"], result.ArrowRs.Types.Skip(7).Take(3));
        Assert.Equal(["Timestamp<MILLISECOND>", "Timestamp<MILLISECOND, UTC>", "Time32<MILLISECOND>"], result.ArrowRs.Types.Skip(11));
    }

    [Fact]
    public void Wide_decimals_are_exact_in_duckdb_and_arrow_rs()
    {
        decimal[] values = [79_228_162_514_264_337_593_543_950_335m, -79_228_162_514_264_337_593_543_950_335m, 0.0000000000000000000000000001m, -1m, 0m];
        string path = TestFile.Write("widedec", [ParquetColumn.Decimal("d", 38, 28, nullable: false) with { Scale = 0 }, ParquetColumn.Decimal("s", 29, 28, nullable: false)], null, w =>
        {
            w.WriteDecimal(0, values.Select(v => decimal.Truncate(v)).ToArray(), default);
            w.WriteDecimal(1, [1.234567890123456789012345678m, -9.999999999999999999999999999m, 0.0000000000000000000000000001m, -1m, 0m], default);
            w.EndBatch();
        });
        var result = ParquetOracle.ReadAll(path);
        string[][] expected =
        [
            ["79228162514264337593543950335", "1.2345678901234567890123456780"],
            ["-79228162514264337593543950335", "-9.9999999999999999999999999990"],
            ["0", "0.0000000000000000000000000001"],
            ["-1", "-1.0000000000000000000000000000"],
            ["0", "0.0000000000000000000000000000"],
        ];
        foreach (var reader in new[] { result.DuckDb, result.ArrowRs })
        {
            Assert.Null(reader.Error);
            Assert.Equal(expected, reader.Rows.Select(r => r.Select(v => v.GetString()!).ToArray()));
        }

        Assert.Equal(["DECIMAL(38,0)", "DECIMAL(29,28)"], result.DuckDb.Types);
    }

    [Fact]
    public void A_rejected_value_leaves_the_column_untouched()
    {
        string path = TestFile.Write("atomic", [ParquetColumn.Decimal("d", 30, 2), new("i", ParquetColumnType.Int8)], null, w =>
        {
            var big = Enumerable.Repeat(1.25m, 20_000).Append(0.001m).ToArray();
            Assert.Throws<ArgumentException>(() => w.WriteDecimal(0, big, default));
            Assert.Throws<ArgumentException>(() => w.WriteInt32(1, [1, 2, 300], default));
            w.WriteDecimal(0, [1.25m, -3m], default);
            w.WriteInt32(1, [1, -2], default);
            w.EndBatch();
        });
        ParquetOracle.AssertAllReadersSee(path, ["d", "i"], [[1.25m, 1], [-3m, -2]]);
    }

    [Fact]
    public void Schema_elements_carry_matching_converted_types()
    {
        string path = TestFile.Write("schema2", Columns, null, _ => { });
        var schema = ((List<object>)RawFooter.Read(path)[2]).Cast<Dictionary<short, object>>().Skip(1).ToList();
        long? Converted(int i) => schema[i].TryGetValue(6, out var v) ? (long)v : null;
        Assert.Equal<long?>([15, 16, 11, 12, 13, 14, 19, 5, 5, 5, null, 9, 9, 7], Enumerable.Range(0, Columns.Length).Select(Converted));
        Assert.Equal([1L, 1, 1, 1, 1, 2, 6, 1, 2, 7, 7, 2, 2, 1], schema.Select(e => (long)e[1]));
        Assert.Equal(13L, schema[9][2]);   // DECIMAL(30): smallest FLBA is 13 bytes (log10(2^103 - 1) = 31.0)
        Assert.Equal(16L, schema[10][2]);  // UUID
        Assert.Equal((3L, 30L), ((long)schema[9][7], (long)schema[9][8]));
    }

    [Fact]
    public void Out_of_range_and_inexact_values_are_rejected_with_the_column_name()
    {
        using var w = new ParquetWriter(new MemoryStream(), Columns);
        Assert.Contains("'i8'", Assert.Throws<ArgumentException>(() => w.WriteInt32(0, [5, 128], default)).Message, StringComparison.Ordinal);
        Assert.Contains("'u8'", Assert.Throws<ArgumentException>(() => w.WriteInt32(2, [-1], default)).Message, StringComparison.Ordinal);
        w.WriteInt32(2, [-1, 3], [true, false]); // the value under a null is ignored
        Assert.Contains("'u32'", Assert.Throws<ArgumentException>(() => w.WriteInt32(4, [-5], default)).Message, StringComparison.Ordinal);
        Assert.Contains("'dec9'", Assert.Throws<ArgumentException>(() => w.WriteDecimal(7, [1.234m], default)).Message, StringComparison.Ordinal);
        Assert.Contains("'dec9'", Assert.Throws<ArgumentException>(() => w.WriteDecimal(7, [10_000_000m], default)).Message, StringComparison.Ordinal);
        Assert.Contains("'dec9'", Assert.Throws<ArgumentException>(() => w.WriteInt32(7, [1_000_000_000], default)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => w.WriteUuid(9, [Guid.Empty], default));
        Assert.Throws<ArgumentException>(() => w.WriteDecimal(10, [1m], default));
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), [ParquetColumn.Decimal("d", 39, 0)]));
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), [ParquetColumn.Decimal("d", 5, 6)]));
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), [new ParquetColumn("x", ParquetColumnType.Int32) { Scale = 2 }]));
    }

    [Fact]
    public void Utc_adjusted_times_round_trip_and_say_so_in_the_schema()
    {
        TimeOnly[] times = [TimeOnly.MinValue, new TimeOnly(12, 34, 56, 789), new TimeOnly(23, 59, 59, 999)];
        bool[] nulls = [false, true, false];
        string path = TestFile.Write("time-utc", [new("tus", ParquetColumnType.TimeMicrosUtc), new("tms", ParquetColumnType.TimeMillisUtc)], null, w =>
        {
            w.WriteTime(0, times, nulls);
            w.WriteTime(1, times, nulls);
            w.EndBatch();
        });

        var result = ParquetOracle.AssertAllReadersSee(path, ["tus", "tms"],
            [[times[0], times[0]], [null, null], [times[2], times[2]]], metadata: true);

        Assert.Equal(["TIME WITH TIME ZONE", "TIME WITH TIME ZONE"], result.DuckDb.Types);
        Assert.Equal(["Time64<MICROSECOND>", "Time32<MILLISECOND>"], result.ArrowRs.Types);
        var logical = result.Footer.GetProperty("schema").EnumerateArray().Skip(1)
            .Select(e => e.GetProperty("logical_type").GetProperty("isAdjustedToUTC").GetBoolean()).ToArray();
        Assert.Equal([true, true], logical);
    }
}
