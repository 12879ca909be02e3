using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>ExcelReadOptions.Sheets: several sheets as one table with a leading "_sheet" column.</summary>
public class MultiSheetTests : ExcelOptionsTestBase
{
    private static XlsxBuilder Monthly()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("Sales Jan", ["region", "amount"], ["north", 10], ["south", 20]);
        book.SheetOfValues("Notes", ["text"], ["ignore me"]);
        book.SheetOfValues("Sales Feb", ["amount", "region", "rep"], [30, "east", "ann"]);
        return book;
    }

    [Fact]
    public void Sheets_are_unioned_by_header_name_with_a_sheet_column()
    {
        using var reader = Open(Monthly(), new ExcelReadOptions { Sheets = ["Sales *"] });
        Assert.Equal(["_sheet", "region", "amount", "rep"], Names(reader));
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.Int64, ColumnType.String], Types(reader));
        Assert.False(reader.Schema[0].Nullable);
        AssertRows(
            [Row("Sales Jan", "north", 10L, null), Row("Sales Jan", "south", 20L, null), Row("Sales Feb", "east", 30L, "ann")],
            ReadAll(reader));
        Assert.Equal(["Sales Jan", "Sales Feb"], reader.SheetNames);
        Assert.Equal("Sales Jan, Sales Feb", reader.SheetName);
    }

    [Fact]
    public void Entries_may_be_names_positions_and_patterns_in_the_order_given_without_repeats()
    {
        using var reader = Open(Monthly(), new ExcelReadOptions { Sheets = ["3", "sales jan", "Sales ???"], BatchSize = 2 });
        Assert.Equal(["Sales Feb", "Sales Jan"], reader.SheetNames);
        Assert.Equal(["_sheet", "amount", "region", "rep"], Names(reader));
        AssertRows(
            [Row("Sales Feb", 30L, "east", "ann"), Row("Sales Jan", 10L, "north", null), Row("Sales Jan", 20L, "south", null)],
            ReadAll(reader));
    }

    [Fact]
    public void Types_are_inferred_over_all_sheets_together()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("A", ["code", "n"], [1, 1]);
        book.SheetOfValues("B", ["code", "n"], ["X-2", 2.5]);
        using var reader = Open(book, new ExcelReadOptions { Sheets = ["*"] });
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.Double], Types(reader));
        AssertRows([Row("A", "1", 1.0), Row("B", "X-2", 2.5)], ReadAll(reader));
    }

    [Fact]
    public void Hidden_sheets_are_left_out_of_patterns_unless_included_but_named_sheets_are_read()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("Data 1", ["v"], [1]);
        book.SheetOfValues("Data 2", ["v"], [2]);
        HideSheets(book, ["Data 1", "Data 2"], "Data 2");
        var path = Save(book);
        using (var visible = ExcelTableReader.Open(path, new ExcelReadOptions { Sheets = ["Data*"] }))
            Assert.Equal(["Data 1"], visible.SheetNames);
        using (var all = ExcelTableReader.Open(path, new ExcelReadOptions { Sheets = ["Data*"], IncludeHiddenSheets = true }))
            AssertRows([Row("Data 1", 1L), Row("Data 2", 2L)], ReadAll(all));
        using (var named = ExcelTableReader.Open(path, new ExcelReadOptions { Sheets = ["Data 2"] }))
            Assert.Equal(["Data 2"], named.SheetNames);
        var error = Assert.Throws<IngestException>(() => ExcelTableReader.Open(path, new ExcelReadOptions { Sheets = ["Data 2*"] }));
        Assert.Contains("IncludeHiddenSheets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_matching_sheet_fails_naming_the_file_and_patterns()
    {
        var error = Assert.Throws<IngestException>(() => Open(Monthly(), new ExcelReadOptions { Sheets = ["Budget*", "20??"] }));
        Assert.Equal("book.xlsx", error.File);
        Assert.Contains("'Budget*', '20??'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sheets: 'Sales Jan', 'Notes', 'Sales Feb'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_name_that_is_missing_fails_like_Sheet_does()
    {
        var error = Assert.Throws<IngestException>(() => Open(Monthly(), new ExcelReadOptions { Sheets = ["Sales *", "Budget"] }));
        Assert.Contains("no sheet 'Budget'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_and_Sheets_together_are_an_error()
    {
        var error = Assert.Throws<IngestException>(() => Open(Monthly(), new ExcelReadOptions { Sheet = "Notes", Sheets = ["Sales *"] }));
        Assert.Contains("either Sheet or Sheets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_named_sheet_does_not_collide_with_the_sheet_column()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["_sheet", "v"], ["x", 1]);
        using var reader = Open(book, new ExcelReadOptions { Sheets = ["S"] });
        Assert.Equal(["_sheet", "_sheet_2", "v"], Names(reader));
        AssertRows([Row("S", "x", 1L)], ReadAll(reader));
    }

    [Fact]
    public void An_empty_sheet_among_several_adds_no_rows_and_a_warning()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("A", ["v"], [1]);
        book.Sheet("B", "");
        using var reader = Open(book, new ExcelReadOptions { Sheets = ["*"] });
        AssertRows([Row("A", 1L)], ReadAll(reader));
        Assert.Contains(reader.Warnings, w => w.Message.Contains("Sheet 'B'", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_overrides_apply_across_sheets_and_errors_name_the_sheet()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("A", ["id"], ["001"]);
        book.SheetOfValues("B", ["id"], ["x"]);
        using var reader = Open(book, new ExcelReadOptions { Sheets = ["*"], Schema = [new ColumnOverride("id", ColumnType.Int64)] });
        var error = Assert.Throws<IngestException>(() => ReadAll(reader));
        Assert.Equal(("B", "A2"), (error.Sheet, error.Cell));
    }

    [Fact]
    public void Xls_sheets_are_read_together_through_ExcelDataReader()
    {
        var path = Corpus.File("datasets.xls");
        var names = ExcelTableReader.ListSheets(path);
        using var reader = ExcelTableReader.Open(path, new ExcelReadOptions { Sheets = [names[0], names[1]] });
        Assert.Equal(names.Take(2), reader.SheetNames);
        var rows = ReadAll(reader);
        using var first = ExcelTableReader.Open(path, new ExcelReadOptions { Sheet = names[0] });
        using var second = ExcelTableReader.Open(path, new ExcelReadOptions { Sheet = names[1] });
        Assert.Equal(ReadAll(first).Count + ReadAll(second).Count, rows.Count);
        Assert.Equal(names[0], rows[0][0]);
        Assert.Equal(names[1], rows[^1][0]);
        Assert.Equal(Names(first).Concat(Names(second)).Distinct(StringComparer.OrdinalIgnoreCase).Count() + 1, reader.Schema.Count);
    }
}
