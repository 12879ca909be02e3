using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Real workbooks from readxl's test suite (Excel, LibreOffice, Google Sheets, third-party writers).</summary>
public class CorpusXlsxTests
{
    private static object?[] Row(params object?[] values) => values;

    [Theory]
    [InlineData("types.xlsx")]
    [InlineData("types.xls")]
    public void Types_guess_me_infers_each_column(string file)
    {
        // types.xlsx uses the 1904 date system (its extLst also holds an x14:workbookPr without date1904).
        var t = CorpusTable.Read(file, "guess_me");
        Assert.Equal(["blank", "boolean", "date", "numeric", "text"], t.Names);
        Assert.Equal([ColumnType.String, ColumnType.Boolean, ColumnType.Date, ColumnType.Int64, ColumnType.String], t.Types);
        AssertRows(
            [
                Row(null, true, D(2017, 2, 27), 1L, "hello"),
                Row(null, false, D(2017, 2, 28), 2L, "world"),
                Row(null, null, null, null, null),
                Row(null, true, D(2017, 2, 28), 3L, "HELLO"),
                Row(null, false, D(2017, 2, 27), 6L, "wor"),
            ],
            t.Rows);
    }

    [Fact]
    public void Types_guess_max_looks_at_the_whole_column()
    {
        // readxl with guess_max = 2 reads numbers and loses "ab"; inference over every row keeps it.
        var t = CorpusTable.Read("types.xlsx", "guess_max");
        Assert.Equal([ColumnType.String], t.Types);
        Assert.Equal(["1", "2", "ab"], t.Column(0));
    }

    [Fact]
    public void Types_smorgasbord_renders_every_kind_as_text_and_warns_on_errors()
    {
        var t = CorpusTable.Read("types.xlsx", "smorgasbord");
        Assert.Equal(["text", "hello world"], t.Names);
        Assert.Equal(
            ["HELLO WORLD", null, "1.3", "0", "1.6900000000000002", "TRUE", "FALSE", "TRUE", "FALSE", "2016-02-26", "2016-03-02",
             null, null, null, null, null, null, null, null],
            t.Column(1));
        Assert.Equal(["error #N/A explicit", "error #N/A formula", "error #NAME?"], t.Column(0)[11..14]);
        Assert.Equal(
            ["smorgasbord!B13", "smorgasbord!B14", "smorgasbord!B15", "smorgasbord!B16", "smorgasbord!B17", "smorgasbord!B18", "smorgasbord!B19", "smorgasbord!B20"],
            t.Warnings.Select(w => w.Location ?? "").ToArray());
        Assert.Equal(
            ["#N/A", "#N/A", "#NAME?", "#VALUE!", "#DIV/0!", "#REF!", "#NUM!", "#NULL!"],
            t.Warnings.Select(w => w.Message.Split(' ')[6].TrimEnd(';')).ToArray());
    }

    [Fact]
    public void Types_coercion_sheets_keep_text_cells_as_written()
    {
        var t = CorpusTable.Read("types.xlsx", "logical_coercion");
        Assert.Equal(
            ["TRUE", "FALSE", "TRUE", "FALSE", "true", "false", "true", "false", "T", "F", "True", "False", "cabbage", null, "0", "1", "2016-01-01"],
            t.Column(0));
        Assert.Equal(["1", "72", null, "TRUE", "2014-12-23", "cabbage", "10"], CorpusTable.Read("types.xlsx", "numeric_coercion").Column(0));
        Assert.Equal(["2016-05-23", null, "TRUE", "cabbage", "4.3", "39448", "2011-09-11"], CorpusTable.Read("types.xlsx", "date_coercion").Column(0));
        Assert.Equal(["cabbage", null, "F", "TRUE", "1.3", "2016-09-24", "foo", "36436153"], CorpusTable.Read("types.xlsx", "text_coercion").Column(0));
    }

    [Fact]
    public void Dates_1900_written_by_libreoffice()
    {
        // The sheet has no header row (readxl passes col_names); the first row's dates become ISO names.
        var t = CorpusTable.Read("dates-1900-LibreOffice.xlsx");
        Assert.Equal(["2000-01-01", "2000-01-01_2", "2000-01-01_3", "2000-01-01_4", "2000-01-01_5"], t.Names);
        Assert.Empty(t.Rows);
    }

    [Theory]
    [InlineData("dates-leap-year-1900-xlsx.xlsx")]
    public void Leap_year_1900_matches_the_sheets_own_strings(string file)
    {
        var t = CorpusTable.Read(file, "for_testing");
        Assert.Equal(["dttm", "dttm_string", "expect_success"], t.Names);
        Assert.Equal([ColumnType.Timestamp, ColumnType.String, ColumnType.Boolean], t.Types);
        Assert.Equal(7, t.Rows.Count);
        foreach (var row in t.Rows)
        {
            var written = (string)row[1]!;
            object? expected = written == "1900-02-29 08:00:00" ? null : DateTime.ParseExact(written, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, row[0]);
            Assert.Equal(expected is not null, row[2]);
        }
        Assert.Equal("for_testing!A5", Assert.Single(t.Warnings).Location);
    }

    [Fact]
    public void Datetime_rounding_matches_the_sheets_own_strings()
    {
        var t = CorpusTable.Read("datetime-rounding.xlsx");
        Assert.Equal([ColumnType.Timestamp, ColumnType.String], t.Types);
        Assert.Equal(4, t.Rows.Count);
        foreach (var row in t.Rows)
            Assert.Equal(((DateTime)row[0]!).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), row[1]);
    }

    [Fact]
    public void Texty_dates_are_real_date_times()
    {
        var t = CorpusTable.Read("texty-dates-xlsx.xlsx");
        Assert.Equal(["a"], t.Names);
        AssertRows([Row(Ts(1985, 3, 11, 13)), Row(Ts(1985, 3, 11, 13, 23, 32))], t.Rows);
    }

    [Fact]
    public void Inline_strings_pretty_printed_by_a_third_party_writer()
    {
        var t = CorpusTable.Read("inlineStr.xlsx");
        Assert.Equal(["NN", "Hierarchy", "column_3", "Outline Number", "ID", "Name", "Type", "Description"], t.Names);
        AssertRows([Row(1L, "+", null, "1.", "RQ11610", "requirement", "Textual Requirement", "test")], t.Rows);
        var t2 = CorpusTable.Read("inlineStr2.xlsx");
        Assert.Equal(["NNNN", "BeforeHierarchy"], t2.Names[..2]);
        Assert.Equal("RQ11610", t2.Rows[0][4]);
    }

    [Fact]
    public void Missing_v_node_is_null_with_a_warning()
    {
        var t = CorpusTable.Read("missing-v-node-xlsx.xlsx");
        Assert.Equal(["A", "B", "A + B"], t.Names);
        AssertRows([Row(1L, 2L, null)], t.Rows);
        Assert.Equal("Sheet1!C2", Assert.Single(t.Warnings).Location);
    }

    [Fact]
    public void No_styles_or_shared_strings_parts()
    {
        var t = CorpusTable.Read("no-styles-or-sharedStrings-parts.xlsx");
        Assert.Equal(["Language", "Age", "Churn probability"], t.Names);
        Assert.Equal([ColumnType.String, ColumnType.Int64, ColumnType.Double], t.Types);
        Assert.Equal(11, t.Rows.Count);
        AssertRows([Row("german", 73L, 0.143292665), Row("german", 71L, 0.117005467), Row("turkish", 72L, 0.966824353)], t.Rows[..3]);
    }

    [Fact]
    public void Nonstandard_namespace_prefix()
    {
        var t = CorpusTable.Read("nonstandard-xml-ns-prefix.xlsx");
        Assert.Equal(["a", "b"], t.Names);
        AssertRows([Row(1L, 3L), Row(2L, 4L)], t.Rows);
    }

    [Fact]
    public void Rich_text_runs_are_concatenated()
    {
        var t = CorpusTable.Read("richtext-coloured.xlsx");
        Assert.Equal(["abcd", "abcd_2", "abcd_3", "abcd_4"], t.Names);
        AssertRows([Row("tvalrval1rval2", "rval1rval2", "rval1rval2", "rval1rval2")], t.Rows);
    }

    [Fact]
    public void Escaped_carriage_returns_are_decoded()
    {
        // readxl expects "\r\r" here because it skips XML end-of-line normalisation; a conforming parser turns the
        // raw CRLF into LF, so each _x000D_ + CRLF reads as "\r\n".
        var t = CorpusTable.Read("new_line_errors.xlsx");
        Assert.Equal(
            ["first line of text \r\nsecond line of text \r\ni don't know what type of line feed I've used \r\nlast line",
             "Will show \"_x000D_\" in every new line in cell above"],
            t.Column(0));
    }

    [Fact]
    public void Sheet_parts_are_found_through_relationships()
    {
        string[] countries = ["Africa", "Americas", "Asia", "Europe", "Oceania"];
        Assert.Equal(countries, ExcelTableReader.ListSheets(Corpus.File("sheet-xml-lookup.xlsx")));
        for (int i = 0; i < countries.Length; i++)
        {
            var byName = CorpusTable.Read("sheet-xml-lookup.xlsx", countries[i]);
            var byIndex = CorpusTable.Read("sheet-xml-lookup.xlsx", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(byName.Rows, r => Assert.Equal(countries[i], r[1]));
            AssertRows(byName.Rows, byIndex.Rows);
        }
        AssertRows(
            [Row("Algeria", "Africa", 1952L, 43.077, 9279525L, 2449.0082), Row("Angola", "Africa", 1952L, 30.015, 4232095L, 3520.6103)],
            CorpusTable.Read("sheet-xml-lookup.xlsx", "africa").Rows[..2]);
    }

    [Fact]
    public void Unnamed_and_duplicated_columns_get_names()
    {
        // readxl names these "...1", "var2...2", "...3", "var2...4".
        var t = CorpusTable.Read("unnamed-duplicated-columns.xlsx");
        Assert.Equal(["column_1", "var2", "column_3", "var2_2"], t.Names);
        AssertRows([Row(1L, "a", 1.1, "aa"), Row(2L, "b", 2.1, "bb")], t.Rows);
        Assert.Equal(["a b", "a b_2", "column_3", "c%&$"], CorpusTable.Read("names-need-repair-xlsx.xlsx").Names);
    }

    [Fact]
    public void Utf8_sheet_names_and_text()
    {
        Assert.Equal(["\u00b5", "\u2202"], ExcelTableReader.ListSheets(Corpus.File("utf8-sheet-names.xlsx")));
        AssertRows([Row(1L)], CorpusTable.Read("utf8-sheet-names.xlsx", "\u2202").Rows);
        var t = CorpusTable.Read("vietnamese-utf8.xlsx");
        Assert.Equal(["Mô tả"], t.Names);
        Assert.Equal(["BÙN SÉT", "SÉT lẫn sạn laterite", "CÁT THÔ lẫn sạn thạch anh", "CÁT MỊN", "CÁT TRUNG", "SÉT lẫn kết vón silic"], t.Column(0));
    }

    [Fact]
    public void Embedded_chartsheet_is_skipped()
    {
        Assert.Equal(["iris", "mtcars", "chickwts", "quakes"], ExcelTableReader.ListSheets(Corpus.File("embedded-chartsheet.xlsx")));
        var quakes = CorpusTable.Read("embedded-chartsheet.xlsx", "quakes");
        Assert.Equal(["lat", "long", "depth", "mag", "stations"], quakes.Names);
        Assert.Equal(1000, quakes.Rows.Count);
        AssertRows([Row(-20.42, 181.62, 562L, 4.8, 41L)], quakes.Rows[..1]);
    }
}
