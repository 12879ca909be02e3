using FunctionsIngest.Sources.Excel.Xlsx;

namespace FunctionsIngest.Tests.Sources.Excel;

public class SharedStringPagesTests
{
    [Fact]
    public void Strings_across_page_boundaries_and_unpaired_surrogates_read_back_exactly()
    {
        var expected = new List<string> { "", "a", "héllo wörld", "日本語テキスト", "🙂 emoji", "\ud800 lone high", "lone low \udc00", "" };
        var random = new Random(6);
        // Well past one page, with lengths that do not divide it, so many strings straddle two pages.
        while (expected.Sum(s => s.Length) < 3 * SharedStringTable.Builder.PageSize)
            expected.Add(new string((char)('a' + random.Next(26)), random.Next(1, 5000)) + "é");
        expected.Add(new string('z', SharedStringTable.Builder.PageSize + 17)); // longer than a page
        expected.Add("last");

        var builder = new SharedStringTable.Builder();
        foreach (var s in expected)
            builder.Add(s);
        var table = builder.Build();

        Assert.Equal(expected.Count, table.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], table[i]);
            Assert.Equal(expected[i].Length == 0, table.IsEmpty(i));
        }
        Assert.Equal(expected[^2], table[expected.Count - 2]); // again, through the cache
    }

    [Fact]
    public void Utf8_bytes_and_strings_mix()
    {
        var builder = new SharedStringTable.Builder();
        builder.Add("x"u8);
        builder.Add("ü");
        builder.Add(ReadOnlySpan<byte>.Empty);
        var table = builder.Build();
        Assert.Equal(["x", "ü", ""], Enumerable.Range(0, table.Count).Select(i => table[i]));
        Assert.True(table.IsEmpty(2));
        Assert.Equal(0, SharedStringTable.Empty.Count);
    }
}
