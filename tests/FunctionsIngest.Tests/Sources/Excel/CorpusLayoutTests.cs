using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// Layout rules on real files, run for both formats: the .xls twin (read through ExcelDataReader) must give the
/// same table as the .xlsx, so the engine need not care which it got.
/// </summary>
public class CorpusLayoutTests
{
    private static object?[] Row(params object?[] values) => values;

    [Theory]
    [InlineData("blanks.xlsx")]
    [InlineData("blanks.xls")]
    public void Blank_cells_and_rows(string file)
    {
        AssertRows([Row(null, "a"), Row(1L, null)], CorpusTable.Read(file, "different_rows").Rows);
        AssertRows([Row(null, null), Row(1L, "a")], CorpusTable.Read(file, "same_row_first").Rows);
        var middle = CorpusTable.Read(file, "same_row_middle");
        Assert.Equal(["x", "y"], middle.Names);
        Assert.Equal([ColumnType.Int64, ColumnType.String], middle.Types);
        AssertRows([Row(1L, "a"), Row(null, null), Row(2L, "b")], middle.Rows);
    }

    [Theory]
    [InlineData("style-only-cells.xlsx")]
    [InlineData("style-only-cells.xls")]
    public void Style_only_cells_are_blank_and_trailing_ones_dropped(string file)
    {
        var t = CorpusTable.Read(file);
        Assert.Equal(["var1", "var2", "var3", "column_4", "var5"], t.Names);
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.Int64], t.Types);
        AssertRows([Row("val1,1", null, "aa", null, 1L), Row("val2,1", null, "bb", null, 2L), Row("val3,1", null, "cc", null, 3L)], t.Rows);
    }

    [Theory]
    [InlineData("skipping.xlsx")]
    [InlineData("skipping.xls")]
    public void Header_row_below_blank_and_occupied_rows(string file)
    {
        foreach (var sheet in new[] { "two_blank_rows", "occupied_row_and_blank_row", "two_occupied_rows" })
        {
            var t = CorpusTable.Read(file, sheet, headerRow: 3);
            Assert.Equal(["var1", "var2"], t.Names);
            AssertRows([Row(null, null), Row("v2,1", "v2,2"), Row(null, null), Row("v4,1", "v4,2")], t.Rows);
        }
    }

    [Theory]
    [InlineData("deaths.xlsx")]
    [InlineData("deaths.xls")]
    public void Deaths_with_notes_around_the_table(string file)
    {
        // Notes below the table are data too (no range option), so mixed columns turn to text and keep every value.
        var t = CorpusTable.Read(file, "arts", headerRow: 5);
        Assert.Equal(["Name", "Profession", "Age", "Has kids", "Date of birth", "Date of death"], t.Names);
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.Date, ColumnType.String], t.Types);
        AssertRows([Row("David Bowie", "musician", "69", "TRUE", D(1947, 1, 8), "2016-01-10")], t.Rows[..1]);
        Assert.Equal(14, t.Rows.Count);
        AssertRows([Row(null, null, null, null, null, "too!")], t.Rows[^1..]);
        var other = CorpusTable.Read(file, "other", headerRow: 5);
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.Boolean, ColumnType.String, ColumnType.Date], other.Types);
        AssertRows([Row("Vera Rubin", "scientist", "88", true, "1928-07-23", D(2016, 12, 25))], other.Rows[..1]);
        AssertRows([Row(null, null, "off", null, "now!", null)], other.Rows[^1..]);
    }

    [Theory]
    [InlineData("geometry.xlsx")]
    [InlineData("geometry.xls")]
    public void Leading_empty_columns_are_dropped_and_generated_names_count_sheet_columns(string file)
    {
        var t = CorpusTable.Read(file, "Sheet1", headerRow: 3);
        Assert.Equal(["var1", "var2", "var3"], t.Names);
        AssertRows([Row("aa", "bb", "cc"), Row("dd", "ee", "ff"), Row("gg", "hh", "ii")], t.Rows);
        var b6 = CorpusTable.Read(file, "warning_B6", headerRow: 3);
        Assert.Equal(["var1"], b6.Names);
        AssertRows([Row("1234"), Row("2345"), Row("wtf")], b6.Rows);
        Assert.Equal(["column_46"], CorpusTable.Read(file, "warning_AT6").Names);
    }

    [Theory]
    [InlineData("empty-sheets.xlsx")]
    [InlineData("empty-sheets.xls")]
    public void Empty_sheet_is_an_error_and_a_header_only_sheet_has_no_rows(string file)
    {
        var ex = Assert.Throws<IngestException>(() => CorpusTable.Read(file, "empty"));
        Assert.Equal("empty", ex.Sheet);
        var t = CorpusTable.Read(file, "header_only");
        Assert.Equal(["var1", "var2"], t.Names);
        Assert.Empty(t.Rows);
    }

    [Theory]
    [InlineData("no-yes-col-names.xlsx")]
    [InlineData("no-yes-col-names.xls")]
    public void Column_names_present_or_blank(string file)
    {
        Assert.Equal(["a", "b"], CorpusTable.Read(file, "no-col-names").Names);
        var yes = CorpusTable.Read(file, "yes-col-names");
        Assert.Equal(["var1", "var2"], yes.Names);
        AssertRows([Row("a", "b")], yes.Rows);
        var blank = CorpusTable.Read(file, "empty-col-names", headerRow: 2);
        Assert.Equal(["a", "b"], blank.Names);
        Assert.Equal(["column_1", "column_2"], CorpusTable.Read(file, "empty-col-names").Names);
    }

    [Theory]
    [InlineData("empty-named-column.xlsx")]
    [InlineData("empty-named-column.xls")]
    public void Named_column_without_values_is_kept_as_text(string file)
    {
        var t = CorpusTable.Read(file);
        Assert.Equal(["x", "y", "z", "w"], t.Names);
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.String, ColumnType.Int64], t.Types);
        AssertRows([Row(1L, null, null, 2L), Row(2L, null, null, null), Row(3L, null, "NA", null)], t.Rows);
    }

    [Theory]
    [InlineData("missing-values-xlsx.xlsx")]
    [InlineData("missing-values-xls.xls")]
    public void Na_strings_stay_text(string file)
    {
        var t = CorpusTable.Read(file);
        Assert.Equal(["x", "y", "z"], t.Names);
        AssertRows([Row("NA", "NA", null), Row("1", "1", 1L), Row("2", "2", 2L)], t.Rows);
    }

    [Theory]
    [InlineData("list_type.xlsx")]
    [InlineData("list_type.xls")]
    public void List_type_column_mixes_every_kind(string file)
    {
        Assert.Equal(["1", null, "a", "2017-01-01", "abc", "FALSE"], CorpusTable.Read(file).Column(0));
    }

    [Theory]
    [InlineData("big-texty-numbers-xlsx.xlsx")]
    [InlineData("big-texty-numbers-xls.xls")]
    public void Big_numbers_and_numeric_text(string file)
    {
        var t = CorpusTable.Read(file);
        string[] values = ["blah blah", "2147483647", "2147483648", "2147483649", "-2147483648", "-2147483649"];
        Assert.Equal(values, t.Column(0));
        Assert.Equal(values, t.Column(1));
    }

    [Theory]
    [InlineData("whitespace-xlsx.xlsx")]
    [InlineData("whitespace-xls.xls")]
    public void Whitespace_in_values_is_kept_and_names_are_trimmed(string file)
    {
        var t = CorpusTable.Read(file, "whitespace");
        Assert.Equal(["<-space, space->"], t.Names);
        Assert.Equal([" <-space", "space-> ", "\t   \t", "\t<-tab, tab->\t", "\t<-tab", "tab->\t"], t.Column(0));
    }

    [Theory]
    [InlineData("clippy.xlsx")]
    [InlineData("clippy.xls")]
    public void Clippy_two_row_header(string file)
    {
        var t = CorpusTable.Read(file, "two-row-header");
        Assert.Equal(["name", "species", "death", "weight"], t.Names);
        AssertRows([Row("(at birth)", "(office supply type)", "(date is approximate)", "(in grams)"), Row("Clippy", "paperclip", "2007-01-01", "0.9")], t.Rows);
        var below = CorpusTable.Read(file, "two-row-header", headerRow: 2);
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.Date, ColumnType.Double], below.Types);
        AssertRows([Row("Clippy", "paperclip", D(2007, 1, 1), 0.9)], below.Rows);
    }

    [Theory]
    [InlineData("datasets.xlsx")]
    [InlineData("datasets.xls")]
    public void Datasets_first_and_last_rows(string file)
    {
        var mtcars = CorpusTable.Read(file, "mtcars");
        Assert.Equal(32, mtcars.Rows.Count);
        AssertRows([Row(21.0, 6L, 160.0, 110L, 3.9, 2.62, 16.46, 0L, 1L, 4L, 4L)], mtcars.Rows[..1]);
        AssertRows([Row(21.4, 4L, 121.0, 109L, 4.11, 2.78, 18.6, 1L, 1L, 4L, 2L)], mtcars.Rows[^1..]);
        var chick = CorpusTable.Read(file, "chickwts");
        Assert.Equal([ColumnType.Int64, ColumnType.String], chick.Types);
        AssertRows([Row(179L, "horsebean"), Row(160L, "horsebean")], chick.Rows[..2]);
        AssertRows([Row(332L, "casein")], chick.Rows[^1..]);
    }
}
