using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>HeaderRow = null: the header is found below titles, notes and blank rows.</summary>
public class HeaderDetectionTests : ExcelOptionsTestBase
{
    private static readonly ExcelReadOptions Detect = new() { HeaderRow = null };

    [Fact]
    public void A_title_and_a_blank_row_above_the_header_are_skipped()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S",
            ["Quarterly sales report, all regions"],
            [],
            ["region", "q1", "q2", "q3"],
            ["north", 1, 2, 3],
            ["south", 4, 5, 6]);
        using var reader = Open(book, Detect);
        Assert.Equal(["region", "q1", "q2", "q3"], Names(reader));
        AssertRows([Row("north", 1L, 2L, 3L), Row("south", 4L, 5L, 6L)], ReadAll(reader));
    }

    [Fact]
    public void Notes_and_key_value_lines_above_the_header_are_skipped()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S",
            ["Source: ERP export"],
            ["Generated", 45292],
            ["Author:", "finance team"],
            [],
            [null, "id", "name", "price", "qty", "total"],
            [null, 1, "bolt", 0.1, 10, 1],
            [null, 2, "nut", 0.05, 20, 1]);
        using var reader = Open(book, Detect);
        Assert.Equal(["id", "name", "price", "qty", "total"], Names(reader));
        Assert.Equal(2, ReadAll(reader).Count);
    }

    [Fact]
    public void A_header_in_row_1_stays_row_1_even_when_the_data_is_text_too()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["first", "last"], ["ada", "lovelace"], ["alan", "turing"]);
        using var reader = Open(book, Detect);
        Assert.Equal(["first", "last"], Names(reader));
        Assert.Equal(2, ReadAll(reader).Count);
    }

    [Fact]
    public void A_header_with_some_blank_names_is_still_the_header()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["Inventory"], ["sku", null, "qty", "where"], ["a1", 3, 4, "x"]);
        using var reader = Open(book, Detect);
        Assert.Equal(["sku", "column_2", "qty", "where"], Names(reader));
    }

    [Fact]
    public void A_sheet_with_only_a_header_gives_an_empty_table()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", [], ["Title"], [], ["a", "b", "c"]);
        using var reader = Open(book, Detect);
        Assert.Equal(["a", "b", "c"], Names(reader));
        Assert.Empty(ReadAll(reader));
    }

    [Fact]
    public void A_one_column_table_takes_its_first_cell_as_header()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", [], ["name"], ["x"], ["y"]);
        using var reader = Open(book, Detect);
        Assert.Equal(["name"], Names(reader));
        Assert.Equal(2, ReadAll(reader).Count);
    }

    [Fact]
    public void An_empty_sheet_fails_clearly()
    {
        var book = new XlsxBuilder();
        book.Sheet("Empty", "");
        var error = Assert.Throws<IngestException>(() => Open(book, Detect));
        Assert.Equal("Empty", error.Sheet);
        Assert.Contains("no header row could be found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_works_inside_a_range_and_on_xls()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["x", "x", "x", "x"], ["Title"], [], ["a", "b", "c"], [1, 2, 3]);
        using var reader = Open(book, new ExcelReadOptions { HeaderRow = null, Range = "A2:C9" });
        Assert.Equal(["a", "b", "c"], Names(reader));
        AssertRows([Row(1L, 2L, 3L)], ReadAll(reader));
        using var xls = ExcelTableReader.Open(Corpus.File("mtcars.xls"), Detect);
        Assert.Equal("mpg", Names(xls)[0]);
    }
}
