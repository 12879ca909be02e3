using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>ExcelReadOptions.Schema: given types replace inferred ones, each cell is converted, failures name the cell.</summary>
public class SchemaOverrideTests : ExcelOptionsTestBase
{
    private static ExcelReadOptions With(params ColumnOverride[] schema) => new() { Schema = schema };

    [Fact]
    public void Text_ids_become_integers_and_numbers_become_text_as_displayed()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["id", "code", "amount"], ["00123", 7, 1.5], ["42", 12345678901, 2]);
        using var reader = Open(book, With(new ColumnOverride("ID", ColumnType.Int64), new ColumnOverride("code", ColumnType.String), new ColumnOverride("amount", ColumnType.String)));
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.String], Types(reader));
        AssertRows([Row(123L, "7", "1.5"), Row(42L, "12345678901", "2")], ReadAll(reader));
    }

    [Fact]
    public void Dates_come_from_serials_date_cells_or_text_with_the_format()
    {
        var book = new XlsxBuilder { StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>") };
        book.Sheet("S",
            "<row r=\"1\">" + book.Cell("A1", "day") + book.Cell("B1", "at") + "</row>" +
            "<row r=\"2\"><c r=\"A2\"><v>45292</v></c><c r=\"B2\" s=\"1\"><v>45292.5</v></c></row>" +
            "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45293</v></c>" + book.Cell("B3", "02/01/2024 06:30") + "</row>" +
            "<row r=\"4\">" + book.Cell("A4", "03/01/2024") + "</row>");
        using var reader = Open(book, With(new ColumnOverride("day", ColumnType.Date, "dd/MM/yyyy"), new ColumnOverride("at", ColumnType.Timestamp, "dd/MM/yyyy HH:mm")));
        Assert.Equal([ColumnType.Date, ColumnType.Timestamp], Types(reader));
        AssertRows(
            [Row(D(2024, 1, 1), Ts(2024, 1, 1, 12)), Row(D(2024, 1, 2), Ts(2024, 1, 2, 6, 30)), Row(D(2024, 1, 3), null)],
            ReadAll(reader));
    }

    [Fact]
    public void Booleans_doubles_and_times_convert_from_cells_and_text()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["ok", "ratio", "when"], [true, "2.5", 0.5], ["yes", 3, "07:15"]);
        using var reader = Open(book, With(
            new ColumnOverride("ok", ColumnType.Boolean, "yes|no"), new ColumnOverride("ratio", ColumnType.Double), new ColumnOverride("when", ColumnType.Time)));
        AssertRows([Row(true, 2.5, new TimeOnly(12, 0)), Row(true, 3.0, new TimeOnly(7, 15))], ReadAll(reader));
    }

    [Fact]
    public void A_cell_that_does_not_convert_fails_naming_file_sheet_cell_column_and_value()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("Orders", ["id", "qty"], [1, 5], [2, 6], [3, "n/a"]);
        using var reader = Open(book, With(new ColumnOverride("qty", ColumnType.Int64)));
        var error = Assert.Throws<IngestException>(() => ReadAll(reader));
        Assert.Equal(("book.xlsx", "Orders", "B4", "qty"), (error.File, error.Sheet, error.Cell, error.Column));
        Assert.Contains("'n/a' is not a valid Int64", error.Message, StringComparison.Ordinal);
        Assert.Contains("cell B4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fraction_is_not_silently_truncated_to_an_integer()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["n"], [1], [2.5]);
        using var reader = Open(book, With(new ColumnOverride("n", ColumnType.Int64)));
        var error = Assert.Throws<IngestException>(() => ReadAll(reader));
        Assert.Equal("A3", error.Cell);
    }

    [Fact]
    public void A_blank_cell_in_a_non_nullable_column_fails_naming_the_cell()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["id", "name"], [1, "a"], [2, null], [3, "c"]);
        using var reader = Open(book, With(new ColumnOverride("name", ColumnType.String, Nullable: false)));
        Assert.False(reader.Schema[1].Nullable);
        var error = Assert.Throws<IngestException>(() => ReadAll(reader));
        Assert.Equal(("B3", "name"), (error.Cell, error.Column));
        Assert.Contains("not nullable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_column_that_matches_no_header_fails_listing_the_columns()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["id", "name"], [1, "a"]);
        var error = Assert.Throws<IngestException>(() => Open(book, With(new ColumnOverride("nme", ColumnType.String))));
        Assert.Contains("'nme'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns: 'id', 'name'", error.Message, StringComparison.Ordinal);
        Assert.Equal("nme", error.Column);
    }

    [Fact]
    public void Overrides_match_case_insensitively_and_leave_other_columns_inferred()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["Zip", "n"], [1234, 1], [501, 2]);
        using var reader = Open(book, With(new ColumnOverride("zip", ColumnType.String)));
        Assert.Equal([ColumnType.String, ColumnType.Int64], Types(reader));
        AssertRows([Row("1234", 1L), Row("501", 2L)], ReadAll(reader));
    }

    [Fact]
    public void Overrides_match_the_normalised_name_when_headers_are_normalised()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["Order Date (UTC)"], ["2024-05-06"]);
        using var reader = Open(book, new ExcelReadOptions { NormalizeHeaders = true, Schema = [new ColumnOverride("order_date_utc", ColumnType.Date)] });
        AssertRows([Row(D(2024, 5, 6))], ReadAll(reader));
    }
}
