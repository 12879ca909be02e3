using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>ExcelReadOptions.Range: only the rows and columns inside it are read; its first row is the header.</summary>
public class RangeTests : ExcelOptionsTestBase
{
    private static XlsxBuilder Grid()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S",
            ["title"],
            ["a", "b", "c", "d"],
            [1, 2, 3, 4],
            [5, 6, 7, 8],
            [9, 10, 11, 12]);
        return book;
    }

    [Theory]
    [InlineData("B2:C4", new[] { "b", "c" }, 2)]
    [InlineData("b2:c4", new[] { "b", "c" }, 2)]
    [InlineData("$B$2:$C$4", new[] { "b", "c" }, 2)]
    [InlineData("B2:C", new[] { "b", "c" }, 3)]
    [InlineData("B2:C1048576", new[] { "b", "c" }, 3)]
    public void Bounded_and_open_ended_ranges(string range, string[] names, int rows)
    {
        using var reader = Open(Grid(), new ExcelReadOptions { Range = range });
        Assert.Equal(names, Names(reader));
        var all = ReadAll(reader);
        Assert.Equal(rows, all.Count);
        Assert.Equal(Row(2L, 3L), all[0]);
    }

    [Fact]
    public void Whole_columns_start_at_row_1()
    {
        using var reader = Open(Grid(), new ExcelReadOptions { Range = "B:C", HeaderRow = 2 });
        Assert.Equal(["b", "c"], Names(reader));
        AssertRows([Row(2L, 3L), Row(6L, 7L), Row(10L, 11L)], ReadAll(reader));
    }

    [Fact]
    public void HeaderRow_counts_from_the_first_row_of_the_range()
    {
        using var reader = Open(Grid(), new ExcelReadOptions { Range = "A1:D5", HeaderRow = 2 });
        Assert.Equal(["a", "b", "c", "d"], Names(reader));
        Assert.Equal(3, ReadAll(reader).Count);
        var error = Assert.Throws<IngestException>(() => Open(Grid(), new ExcelReadOptions { Range = "A2:D3", HeaderRow = 3 }));
        Assert.Contains("range 'A2:D3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_edge_columns_and_trailing_rows_inside_the_range_are_dropped()
    {
        using var reader = Open(Grid(), new ExcelReadOptions { Range = "C2:H40" });
        Assert.Equal(["c", "d"], Names(reader));
        Assert.Equal(3, ReadAll(reader).Count);
    }

    [Theory]
    [InlineData("A3")]
    [InlineData("A3:")]
    [InlineData(":H5")]
    [InlineData("H5:A3")]
    [InlineData("A5:H3")]
    [InlineData("B:F10")]
    [InlineData("3:10")]
    [InlineData("A1:XFE2")]
    [InlineData("A0:B2")]
    [InlineData("A1:B0")]
    [InlineData("A1:B1048577")]
    [InlineData("A1;B2")]
    public void A_malformed_range_fails_naming_the_file(string range)
    {
        var error = Assert.Throws<IngestException>(() => Open(Grid(), new ExcelReadOptions { Range = range, DisplayName = "in/report.xlsx" }));
        Assert.Equal("in/report.xlsx", error.File);
        Assert.Contains($"the range '{range}' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_apply_to_xls_too()
    {
        using var reader = ExcelTableReader.Open(Corpus.File("mtcars.xls"), new ExcelReadOptions { Range = "B1:C3" });
        Assert.Equal(["cyl", "disp"], Names(reader));
        AssertRows([Row(6L, 160L), Row(6L, 160L)], ReadAll(reader));
    }
}
