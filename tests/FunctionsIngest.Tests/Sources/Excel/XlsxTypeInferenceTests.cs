using FunctionsIngest.Data;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

public class XlsxTypeInferenceTests : XlsxTestBase
{
    // Style 0 General, 1 date (14), 2 date-time (22), 3 time (21), 4 custom date code, 5 elapsed time.
    private static XlsxBuilder Book() => new()
    {
        StylesXml = XlsxBuilder.Styles(
            "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/><xf numFmtId=\"21\"/><xf numFmtId=\"164\"/><xf numFmtId=\"46\"/>",
            "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"),
    };

    [Fact]
    public void Infers_each_type_from_the_whole_column()
    {
        var book = Book();
        var rows = new System.Text.StringBuilder();
        rows.Append("<row r=\"1\">" + string.Concat(new[] { "int", "dbl", "bool", "date", "ts", "time", "text", "blank", "late_text", "late_double" }
            .Select((h, i) => book.Cell(XlsxBuilder.Ref(i, 1), h))) + "</row>");
        for (int r = 2; r <= 300; r++)
        {
            rows.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\"><v>{r}.5</v></c><c r=\"C{r}\" t=\"b\"><v>{r % 2}</v></c>");
            rows.Append($"<c r=\"D{r}\" s=\"1\"><v>{43000 + r}</v></c><c r=\"E{r}\" s=\"2\"><v>{43000 + r}.25</v></c><c r=\"F{r}\" s=\"3\"><v>0.75</v></c>");
            rows.Append($"<c r=\"G{r}\" t=\"s\"><v>{book.SharedString("t" + r)}</v></c><c r=\"H{r}\" s=\"3\"/>");
            rows.Append($"<c r=\"I{r}\"><v>{r}</v></c><c r=\"J{r}\"><v>{r}</v></c></row>");
        }
        rows.Append($"<row r=\"301\"><c r=\"I301\" t=\"s\"><v>{book.SharedString("x")}</v></c><c r=\"J301\"><v>0.5</v></c></row>");
        book.Sheet("S", rows.ToString());
        using var reader = Open(book);
        Assert.Equal(
            [ColumnType.Int64, ColumnType.Double, ColumnType.Boolean, ColumnType.Date, ColumnType.Timestamp, ColumnType.Time,
             ColumnType.String, ColumnType.String, ColumnType.String, ColumnType.Double],
            Types(reader));
        var all = ReadAll(reader);
        Assert.Equal(300, all.Count);
        for (int r = 2; r <= 300; r++)
        {
            var day = new DateTime(1899, 12, 30).AddDays(43000 + r);
            Assert.Equal(Row((long)r, r + 0.5, r % 2 == 1, DateOnly.FromDateTime(day), day.AddHours(6), new TimeOnly(18, 0), "t" + r, null, r.ToString(System.Globalization.CultureInfo.InvariantCulture), (double)r), all[r - 2]);
        }
        Assert.Equal(D(2017, 9, 24), all[0][3]);
        Assert.Equal(Row(null, null, null, null, null, null, null, null, "x", 0.5), all[299]);
    }

    [Fact]
    public void Mixed_columns_become_text_without_losing_values()
    {
        var book = Book();
        book.Sheet("S",
            "<row r=\"1\">" + book.Cell("A1", "mixed") + "</row>" +
            "<row r=\"2\"><c r=\"A2\"><v>42</v></c></row>" +
            "<row r=\"3\"><c r=\"A3\"><v>0.1</v></c></row>" +
            "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>36526</v></c></row>" +
            "<row r=\"5\"><c r=\"A5\" s=\"2\"><v>36526.5</v></c></row>" +
            "<row r=\"6\"><c r=\"A6\" s=\"2\"><v>36526.000011574074</v></c></row>" +
            "<row r=\"7\"><c r=\"A7\" t=\"b\"><v>1</v></c></row>" +
            "<row r=\"8\"><c r=\"A8\" s=\"3\"><v>0.5</v></c></row>" +
            "<row r=\"9\">" + book.Cell("A9", "00123") + "</row>" +
            "<row r=\"10\"><c r=\"A10\"><v>1E+20</v></c></row>" +
            "<row r=\"11\"><c r=\"A11\"><v>-3</v></c></row>" +
            "<row r=\"12\"><c r=\"A12\" s=\"2\"><v>36526.00000385803</v></c></row>");
        using var reader = Open(book);
        Assert.Equal([ColumnType.String], Types(reader));
        var values = ReadAll(reader).Select(r => r[0]).ToArray();
        Assert.Equal(
            ["42", "0.1", "2000-01-01", "2000-01-01T12:00:00", "2000-01-01T00:00:01", "TRUE", "12:00:00", "00123", "1E+20", "-3", "2000-01-01T00:00:00.333"],
            values);
    }

    [Theory]
    [InlineData("<v>9007199254740992</v>", ColumnType.Int64)]
    [InlineData("<v>9007199254740994</v>", ColumnType.Double)]
    [InlineData("<v>-9007199254740992</v>", ColumnType.Int64)]
    [InlineData("<v>3.0</v>", ColumnType.Int64)]
    [InlineData("<v>1E+3</v>", ColumnType.Int64)]
    public void Integers_are_exact_up_to_2_pow_53(string value, ColumnType expected)
    {
        var book = Book();
        book.Sheet("S", "<row r=\"1\">" + book.Cell("A1", "n") + $"</row><row r=\"2\"><c r=\"A2\">{value}</c></row>");
        using var reader = Open(book);
        Assert.Equal([expected], Types(reader));
    }

    [Fact]
    public void Dates_time_and_their_mixes()
    {
        var book = Book();
        book.Sheet("S",
            "<row r=\"1\">" + book.Cell("A1", "d") + book.Cell("B1", "dt") + book.Cell("C1", "t") + book.Cell("D1", "elapsed") + book.Cell("E1", "d_and_t") + "</row>" +
            "<row r=\"2\"><c r=\"A2\" s=\"4\"><v>44197</v></c><c r=\"B2\" s=\"1\"><v>44197</v></c><c r=\"C2\" s=\"3\"><v>0.25</v></c><c r=\"D2\" s=\"5\"><v>1.5</v></c><c r=\"E2\" s=\"1\"><v>44197</v></c></row>" +
            "<row r=\"3\"><c r=\"A3\" s=\"4\"><v>44198</v></c><c r=\"B3\" s=\"2\"><v>44198.75</v></c><c r=\"C3\" s=\"3\"><v>0</v></c><c r=\"D3\" s=\"5\"><v>0.5</v></c><c r=\"E3\" s=\"3\"><v>0.5</v></c></row>");
        using var reader = Open(book);
        Assert.Equal([ColumnType.Date, ColumnType.Timestamp, ColumnType.Time, ColumnType.String, ColumnType.String], Types(reader));
        AssertRows(
            [
                Row(D(2021, 1, 1), Ts(2021, 1, 1), new TimeOnly(6, 0), "1900-01-01T12:00:00", "2021-01-01"),
                Row(D(2021, 1, 2), Ts(2021, 1, 2, 18), new TimeOnly(0, 0), "12:00:00", "12:00:00"),
            ],
            ReadAll(reader));
    }

    [Fact]
    public void Date1904_workbooks_shift_dates()
    {
        var book = Book();
        book.Date1904 = true;
        book.Sheet("S", "<row r=\"1\">" + book.Cell("A1", "d") + "</row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>35064</v></c></row><row r=\"3\"><c r=\"A3\" s=\"1\"><v>0</v></c></row>");
        using var reader = Open(book);
        AssertRows([Row(D(2000, 1, 1)), Row(D(1904, 1, 1))], ReadAll(reader));
    }

    [Fact]
    public void Custom_format_reusing_a_built_in_id_wins_and_east_asian_ids_are_dates()
    {
        var book = new XlsxBuilder
        {
            StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"31\"/><xf numFmtId=\"999\"/>", "<numFmt numFmtId=\"14\" formatCode=\"0.00\"/>"),
        };
        book.Sheet("S", "<row r=\"1\">" + book.Cell("A1", "a") + book.Cell("B1", "b") + book.Cell("C1", "c") + "</row>" +
            "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>44197</v></c><c r=\"B2\" s=\"2\"><v>44197</v></c><c r=\"C2\" s=\"3\"><v>44197</v></c></row>");
        using var reader = Open(book);
        AssertRows([Row(44197L, D(2021, 1, 1), 44197L)], ReadAll(reader));
    }

    [Fact]
    public void Leap_bug_serial_60_is_null_with_a_warning_naming_the_cell()
    {
        var book = Book();
        book.Sheet("Dates", "<row r=\"1\">" + book.Cell("A1", "d") + "</row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>59</v></c></row><row r=\"3\"><c r=\"A3\" s=\"1\"><v>60</v></c></row><row r=\"4\"><c r=\"A4\" s=\"1\"><v>61</v></c></row>");
        using var reader = Open(book);
        AssertRows([Row(D(1900, 2, 28)), Row([null]), Row(D(1900, 3, 1))], ReadAll(reader));
        var warning = Assert.Single(reader.Warnings);
        Assert.Equal("Dates!A3", warning.Location);
        Assert.Contains("60", warning.Message, StringComparison.Ordinal);
    }
}
