using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.File;

/// <summary>String dictionaries: page first, RLE_DICTIONARY data pages, PLAIN fallback, encodings and encoding_stats.</summary>
public class DictionaryTests
{
    private static List<string> Encodings(OracleResult r, int rowGroup = 0, int column = 0) =>
        r.Footer.GetProperty("row_groups")[rowGroup].GetProperty("columns")[column].GetProperty("meta_data").GetProperty("encodings").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> EncodingStats(OracleResult r, int rowGroup = 0, int column = 0) =>
        r.Footer.GetProperty("row_groups")[rowGroup].GetProperty("columns")[column].GetProperty("meta_data").GetProperty("encoding_stats").EnumerateArray()
            .Select(e => $"{e.GetProperty("page_type").GetString()}/{e.GetProperty("encoding").GetString()}/{e.GetProperty("count")}").ToList();

    [Fact]
    public void Low_cardinality_strings_use_only_the_dictionary()
    {
        var values = Enumerable.Range(0, 45_000).Select(i => i % 13 == 0 ? null : $"category-{i % 5}").ToArray();
        string path = TestFile.Write("dict", [new("c", ParquetColumnType.String)], null, w =>
        {
            w.WriteString(0, values);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, ["c"], values.Select(v => new object?[] { v }), metadata: true);
        Assert.Equal(["PLAIN", "RLE", "RLE_DICTIONARY"], Encodings(result));
        Assert.Equal(["DICTIONARY_PAGE/PLAIN/1", "DATA_PAGE/RLE_DICTIONARY/3"], EncodingStats(result));
        var pages = PageWalker.Walk(path).Single().Single();
        Assert.Equal(2, pages[0].Type);
        Assert.Equal(5, pages[0].NumValues);
        var chunk = Assert.Single(result.ChunkMetadata);
        Assert.Equal(pages[0].Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk.GetProperty("dictionary_page_offset").GetString());
        Assert.Equal(pages[1].Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk.GetProperty("data_page_offset").GetString());
        Assert.Equal("category-0", chunk.GetProperty("stats_min_value").GetString());
        Assert.Equal("category-4", chunk.GetProperty("stats_max_value").GetString());
    }

    [Fact]
    public void Reused_string_instances_map_to_fresh_indices_in_every_row_group()
    {
        // The same instances arrive in a different first-seen order per row group: a stale identity cache would
        // hand out the previous chunk's indices.
        string x = "x-value", y = "y-value", z = new string('x', 1) + "-value";
        string?[] first = Enumerable.Range(0, 1_000).Select(i => i % 3 == 0 ? y : x).ToArray();
        string?[] second = Enumerable.Range(0, 1_000).Select(i => i % 2 == 0 ? z : (i % 5 == 0 ? null : y)).ToArray();
        string path = TestFile.Write("identity", [new("s", ParquetColumnType.String)], new ParquetWriterOptions { RowGroupRows = 1_000 }, w =>
        {
            w.WriteString(0, first);
            w.EndBatch();
            w.WriteString(0, second);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, ["s"], first.Concat(second).Select(v => new object?[] { v }), metadata: true);
        Assert.All(PageWalker.Walk(path), g => Assert.Equal(2, g[0][0].NumValues));   // "x-value" equal-content instances share an entry
        Assert.Equal(["DICTIONARY_PAGE/PLAIN/1", "DATA_PAGE/RLE_DICTIONARY/1"], EncodingStats(result, 1));
    }

    [Fact]
    public void All_null_first_pages_defer_the_dictionary_decision()
    {
        const int n = 50_000;
        var strings = Enumerable.Range(0, n).Select(i => i < 25_000 ? null : $"v{i % 3}").ToArray();
        var nulls = Enumerable.Range(0, n).Select(i => i < 25_000).ToArray();
        var ints = Enumerable.Range(0, n).Select(i => i % 4).ToArray();
        string path = TestFile.Write("latedict", [new("s", ParquetColumnType.String), new("i", ParquetColumnType.Int32)], null, w =>
        {
            w.WriteString(0, strings);
            w.WriteInt32(1, ints, nulls);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, ["s", "i"], Enumerable.Range(0, n).Select(i => new object?[] { strings[i], nulls[i] ? null : ints[i] }), metadata: true);
        for (int c = 0; c < 2; c++)
        {
            // Page 1 (rows 0-19,999) is all null: PLAIN with no values; pages 2-3 use the dictionary.
            Assert.Equal(["DICTIONARY_PAGE/PLAIN/1", "DATA_PAGE/PLAIN/1", "DATA_PAGE/RLE_DICTIONARY/2"], EncodingStats(result, 0, c));
        }
    }

    [Fact]
    public void High_cardinality_first_page_drops_the_dictionary()
    {
        var values = Enumerable.Range(0, 25_000).Select(i => $"id-{i * 7919 % 100_003:D6}").ToArray();
        var ints = Enumerable.Range(0, 25_000).Select(i => i * 7919).ToArray();
        string path = TestFile.Write("nodict", [new("u", ParquetColumnType.String, false), new("i", ParquetColumnType.Int32, false)], null, w =>
        {
            w.WriteString(0, values);
            w.WriteInt32(1, ints, default);
            w.EndBatch();
        });
        var result = ParquetOracle.AssertAllReadersSee(path, ["u", "i"], values.Zip(ints, (v, i) => new object?[] { v, i }), metadata: true);
        for (int c = 0; c < 2; c++)
        {
            Assert.Equal(["PLAIN", "RLE"], Encodings(result, 0, c));
            Assert.Equal(["DATA_PAGE/PLAIN/2"], EncodingStats(result, 0, c));
        }

        Assert.All(result.ChunkMetadata, m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("dictionary_page_offset").ValueKind));
    }

    [Fact]
    public void Low_cardinality_numbers_use_a_dictionary_keyed_by_bits()
    {
        const int n = 30_000;
        double[] doubles = [0.0, -0.0, double.NaN, 1.5, double.PositiveInfinity];
        var d = Enumerable.Range(0, n).Select(i => doubles[i % doubles.Length]).ToArray();
        var l = Enumerable.Range(0, n).Select(i => (long)(i % 7) * 1_000_000_007L).ToArray();
        var f = Enumerable.Range(0, n).Select(i => (float)doubles[i % 3]).ToArray();
        var dates = Enumerable.Range(0, n).Select(i => 19_000 + (i % 30)).ToArray();
        var nulls = Enumerable.Range(0, n).Select(i => i % 11 == 0).ToArray();
        string path = TestFile.Write("numdict", [new("d", ParquetColumnType.Double), new("l", ParquetColumnType.Int64), new("f", ParquetColumnType.Float), new("day", ParquetColumnType.Date)], null, w =>
        {
            w.WriteDouble(0, d, nulls);
            w.WriteInt64(1, l, nulls);
            w.WriteFloat(2, f, nulls);
            w.WriteInt32(3, dates, nulls);
            w.EndBatch();
        });
        var expected = Enumerable.Range(0, n).Select(i => nulls[i] ? new object?[4] : new object?[] { d[i], l[i], f[i], DateOnly.FromDayNumber(719_162 + dates[i]) });
        var result = ParquetOracle.AssertAllReadersSee(path, ["d", "l", "f", "day"], expected, metadata: true);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(["PLAIN", "RLE", "RLE_DICTIONARY"], Encodings(result, 0, c));
            Assert.Equal(["DICTIONARY_PAGE/PLAIN/1", "DATA_PAGE/RLE_DICTIONARY/2"], EncodingStats(result, 0, c));
        }

        var pages = PageWalker.Walk(path).Single();
        Assert.Equal(5, pages[0][0].NumValues);  // 0.0 and -0.0 are distinct entries; NaN is one entry
        Assert.Equal(3, pages[2][0].NumValues);
    }

    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    public void Dictionary_falls_back_to_plain_past_the_limit(ParquetCompression codec)
    {
        // Each row group starts with repetitive values (the first page keeps the dictionary), then turns unique.
        var values = Enumerable.Range(0, 30_000).Select(i => i % 10 == 9 ? null : (i % 20_000) < 3_000 ? $"common-{i % 50}" : $"unique-{i * 7919 % 100_003:D6}").ToArray();
        string path = TestFile.Write($"fallback-{codec}", [new("u", ParquetColumnType.String)],
            new ParquetWriterOptions { DictionaryPageSizeLimit = 50_000, PageRowLimit = 1_000, Compression = codec, RowGroupRows = 20_000 }, w =>
            {
                w.WriteString(0, values.AsSpan(0, 12_345));
                w.EndBatch();
                w.WriteString(0, values.AsSpan(12_345));
                w.EndBatch();
            });
        var result = ParquetOracle.AssertAllReadersSee(path, ["u"], values.Select(v => new object?[] { v }), metadata: true);
        for (int g = 0; g < 2; g++)
        {
            Assert.Equal(["PLAIN", "RLE", "RLE_DICTIONARY"], Encodings(result, g));
            var stats = EncodingStats(result, g);
            Assert.Equal("DICTIONARY_PAGE/PLAIN/1", stats[0]);
            Assert.Contains(stats, s => s.StartsWith("DATA_PAGE/PLAIN/", StringComparison.Ordinal));
            Assert.Contains(stats, s => s.StartsWith("DATA_PAGE/RLE_DICTIONARY/", StringComparison.Ordinal));
        }

        foreach (var chunkPages in PageWalker.Walk(path).Select(g => g.Single()))
        {
            Assert.Equal(2, chunkPages[0].Type);
            Assert.All(chunkPages.Skip(1), p => Assert.Equal(0, p.Type));
            // Dictionary-encoded pages come before the PLAIN ones: no switching back within a chunk.
            var encodings = chunkPages.Skip(1).Select(p => p.Encoding).ToList();
            Assert.Equal(encodings.OrderByDescending(e => e), encodings);
        }

        var sorted = values.Where(v => v is not null).Select(v => v!).OrderBy(v => v, StringComparer.Ordinal).ToList();
        var chunks = result.ChunkMetadata;
        Assert.Equal(sorted[0], new[] { chunks[0], chunks[1] }.Select(c => c.GetProperty("stats_min_value").GetString()).Min(StringComparer.Ordinal));
        Assert.Equal(sorted[^1], new[] { chunks[0], chunks[1] }.Select(c => c.GetProperty("stats_max_value").GetString()).Max(StringComparer.Ordinal));
    }
}
