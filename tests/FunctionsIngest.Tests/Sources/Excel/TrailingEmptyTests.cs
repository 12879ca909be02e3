using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Trailing empty rows and columns (empty rows, style-only cells, hidden-row leftovers) are not part of the table.</summary>
public class TrailingEmptyTests : ExcelOptionsTestBase
{
    [Fact]
    public void Empty_and_style_only_rows_and_columns_at_the_end_are_dropped()
    {
        var book = new XlsxBuilder();
        book.Sheet("S",
            Rows(book, [["a", "b"], [1, 2], [3, null]])
            + "<row r=\"4\"/><row r=\"5\"><c r=\"A5\" s=\"0\"/><c r=\"H5\" s=\"0\"/></row><row r=\"1000\" hidden=\"1\"></row>");
        using var reader = Open(book);
        Assert.Equal(["a", "b"], Names(reader));
        AssertRows([Row(1L, 2L), Row(3L, null)], ReadAll(reader));
    }

    [Fact]
    public void Trailing_empty_rows_are_dropped_in_every_sheet_of_a_multi_sheet_read()
    {
        var book = new XlsxBuilder();
        book.Sheet("A", Rows(book, [["v"], [1]]) + "<row r=\"7\"><c r=\"A7\" s=\"0\"/></row>");
        book.SheetOfValues("B", ["v"], [2]);
        using var reader = Open(book, new ExcelReadOptions { Sheets = ["*"] });
        AssertRows([Row("A", 1L), Row("B", 2L)], ReadAll(reader));
    }

    [Fact]
    public void Xls_style_only_cells_are_not_rows_or_columns()
    {
        using var xlsx = ExcelTableReader.Open(Corpus.File("style-only-cells.xlsx"), new ExcelReadOptions());
        using var xls = ExcelTableReader.Open(Corpus.File("style-only-cells.xls"), new ExcelReadOptions());
        Assert.Equal(Names(xlsx), Names(xls));
        Assert.Equal(ReadAll(xlsx).Count, ReadAll(xls).Count);
    }
}
