using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.File;

/// <summary>Statistics in data page headers: per page, consistent with the chunk's; off when disabled.</summary>
public class PageStatisticsTests
{
    private static List<Dictionary<short, object>> DataPageStatistics(string path, int column)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        return PageWalker.Walk(path).Single()[column].Where(p => p.Type == 0).Select(p =>
        {
            var header = new ThriftCompactReader(bytes, (int)p.Offset).ReadStruct();
            var dataHeader = (Dictionary<short, object>)header[5];
            return (Dictionary<short, object>)dataHeader[5];
        }).ToList();
    }

    [Fact]
    public void Every_data_page_carries_its_own_min_max_and_null_count()
    {
        const int n = 5_000;
        var ints = Enumerable.Range(0, n).Select(i => i - 2_500).ToArray();
        var nulls = Enumerable.Range(0, n).Select(i => i % 4 == 0).ToArray();
        var strings = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? null : $"s{i:D5}").ToArray();
        string path = TestFile.Write("pagestats", [new("i", ParquetColumnType.Int32), new("s", ParquetColumnType.String)], new ParquetWriterOptions { PageRowLimit = 1_000 }, w =>
        {
            w.WriteInt32(0, ints, nulls);
            w.WriteString(1, strings);
            w.EndBatch();
        });
        ParquetOracle.AssertAllReadersSee(path, ["i", "s"], Enumerable.Range(0, n).Select(i => new object?[] { nulls[i] ? null : ints[i], strings[i] }));

        var intPages = DataPageStatistics(path, 0);
        Assert.Equal(5, intPages.Count);
        for (int p = 0; p < 5; p++)
        {
            var present = Enumerable.Range(p * 1_000, 1_000).Where(i => !nulls[i]).Select(i => ints[i]).ToList();
            Assert.Equal(BitConverter.GetBytes(present.Min()), (byte[])intPages[p][6]);
            Assert.Equal(BitConverter.GetBytes(present.Max()), (byte[])intPages[p][5]);
            Assert.Equal(250L, intPages[p][3]);
        }

        var stringPages = DataPageStatistics(path, 1);
        Assert.Equal(5, stringPages.Count);
        for (int p = 0; p < 5; p++)
        {
            var present = Enumerable.Range(p * 1_000, 1_000).Where(i => strings[i] is not null).Select(i => strings[i]!).OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Equal(present[0], System.Text.Encoding.UTF8.GetString((byte[])stringPages[p][6]));
            Assert.Equal(present[^1], System.Text.Encoding.UTF8.GetString((byte[])stringPages[p][5]));
            Assert.Equal((long)(1_000 - present.Count), stringPages[p][3]);
        }
    }

    [Fact]
    public void Pooled_strings_give_each_page_the_min_and_max_of_its_own_values()
    {
        // Dictionary-encoded: "m" sits between the first page's min and max, and is the second page's min; "d" and "x"
        // come back in the third page after a page without them.
        string[][] pages = [["d", "m", "x", "m"], ["m", "p", "p", "m"], ["p", "x", "d", "p"]];
        var values = pages.SelectMany(page => page).ToArray();
        string path = TestFile.Write("pooledpagestats", [new("s", ParquetColumnType.String)], new ParquetWriterOptions { PageRowLimit = 4 }, w =>
        {
            w.WriteString(0, values);
            w.EndBatch();
        });
        ParquetOracle.AssertAllReadersSee(path, ["s"], values.Select(v => new object?[] { v }));
        Assert.Contains(PageWalker.Walk(path).Single()[0], p => p.Type == 2); // a dictionary page

        var stats = DataPageStatistics(path, 0);
        Assert.Equal(pages.Select(page => (page.Min(StringComparer.Ordinal)!, page.Max(StringComparer.Ordinal)!)),
            stats.Select(page => (System.Text.Encoding.UTF8.GetString((byte[])page[6]), System.Text.Encoding.UTF8.GetString((byte[])page[5]))));
    }

    [Fact]
    public void Page_statistics_can_be_turned_off()
    {
        string path = TestFile.Write("nopagestats", [new("i", ParquetColumnType.Int32)], new ParquetWriterOptions { PageStatistics = false }, w =>
        {
            w.WriteInt32(0, [3, 1, 2], default);
            w.EndBatch();
        });
        var bytes = System.IO.File.ReadAllBytes(path);
        var page = PageWalker.Walk(path).Single().Single().Single();
        var dataHeader = (Dictionary<short, object>)new ThriftCompactReader(bytes, (int)page.Offset).ReadStruct()[5];
        Assert.False(dataHeader.ContainsKey(5));
        Assert.Equal(BitConverter.GetBytes(1), (byte[])RawFooter.Statistics(path, 0, 0)[6]);
    }
}
