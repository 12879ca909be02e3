using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// The .xlsx single pass (<see cref="ExcelReadOptions.SinglePass"/>) gives exactly what two passes give: the same
/// schema, rows, row numbers and warnings, or a <see cref="SpeculationMissedException"/> after which two passes give it.
/// Small samples make small workbooks go past the sample.
/// </summary>
public class XlsxSinglePassTests : XlsxTestBase
{
    private static ExcelReadOptions OnePass(ExcelReadOptions options, int sample = 3) =>
        options with { SinglePass = true, SinglePassSampleRows = sample };

    /// <summary>As the copy step reads: one pass, and two after a miss.</summary>
    private static (string Text, bool SinglePass) Speculative(string path, ExcelReadOptions options, int sample) =>
        SpeculativeRead.Run(single => ExcelSnapshot.Read(path, single ? OnePass(options, sample) : options));

    [Fact]
    public void Every_corpus_sheet_reads_the_same_in_one_pass_or_after_a_miss()
    {
        int onePass = 0;
        var mismatches = new List<string>();
        foreach (var path in Corpus.Files("*.xlsx"))
        {
            foreach (var sheet in ExcelTableReader.ListSheets(path))
            {
                foreach (var options in new[]
                {
                    new ExcelReadOptions { Sheet = sheet, BatchSize = 5 },
                    new ExcelReadOptions { Sheet = sheet, HeaderRow = null, IncludeHiddenRows = false, NormalizeHeaders = true, BatchSize = 3 },
                })
                {
                    var twoPasses = ExcelSnapshot.Of(path, options);
                    foreach (int sample in new[] { 1, 6 })
                    {
                        var (text, single) = Speculative(path, options, sample);
                        if (text != twoPasses)
                            mismatches.Add($"{Path.GetFileName(path)} '{sheet}' sample {sample}");
                        onePass += single ? 1 : 0;
                    }
                }
            }
        }
        Assert.Empty(mismatches);
        Assert.True(onePass >= 80, $"only {onePass} reads went in one pass"); // 92 when written
    }

    /// <summary>
    /// Past a sample of 3 rows (or the 64 rows header detection looks at): missing rows, hidden rows, a row of only blank-styled and error cells, shared and
    /// inline text, booleans, dates, trailing empty and hidden rows.
    /// </summary>
    private static XlsxBuilder Messy()
    {
        var book = new XlsxBuilder { StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>") };
        var xml = new StringBuilder("<row r=\"2\">" + book.Cell("B2", "id") + book.Cell("C2", "name") + book.Cell("D2", "ok") + book.Cell("E2", "day") + "</row>");
        for (int r = 3; r <= 100; r++)
        {
            if (r % 7 == 0)
                continue; // not stored: a blank row
            string hidden = r % 11 == 0 ? " hidden=\"1\"" : "";
            if (r is 24 or 90)
            {
                xml.Append($"<row r=\"{r}\"><c r=\"C{r}\" s=\"1\"/><c r=\"D{r}\" t=\"e\"><v>#N/A</v></c></row>");
                continue;
            }
            string name = r % 5 == 0 ? $"<c r=\"C{r}\" t=\"inlineStr\"><is><t>inline {r}</t></is></c>" : book.Cell($"C{r}", "name " + (r % 4));
            xml.Append($"<row r=\"{r}\"{hidden}>{book.Cell($"B{r}", r * 10)}{name}{book.Cell($"D{r}", r % 3 == 0)}<c r=\"E{r}\" s=\"1\"><v>{45000 + r}</v></c></row>");
        }
        xml.Append("<row r=\"101\" hidden=\"1\"><c r=\"B101\"><v>1</v></c></row><row r=\"105\"/><row r=\"106\"><c r=\"C106\" s=\"1\"/></row>");
        return book.Sheet("Data", xml.ToString());
    }

    public static TheoryData<string> MessyOptions() => new() { "plain", "hidden rows left out", "detected header", "range", "override" };

    [Theory]
    [MemberData(nameof(MessyOptions))]
    public void A_messy_sheet_past_the_sample_reads_as_in_two_passes(string variant)
    {
        var path = Save(Messy());
        var options = variant switch
        {
            "hidden rows left out" => new ExcelReadOptions { HeaderRow = 2, IncludeHiddenRows = false, BatchSize = 4 },
            "detected header" => new ExcelReadOptions { HeaderRow = null, BatchSize = 4 },
            "range" => new ExcelReadOptions { Range = "B2:D98", BatchSize = 4 },
            "override" => new ExcelReadOptions { HeaderRow = 2, BatchSize = 4, Schema = [new ColumnOverride("id", ColumnType.Double), new ColumnOverride("name", ColumnType.String)] },
            _ => new ExcelReadOptions { HeaderRow = 2, BatchSize = 4 },
        };
        var twoPasses = ExcelSnapshot.Of(path, options);

        var (text, single) = ExcelSnapshot.Read(path, OnePass(options));

        Assert.True(single);
        Assert.Equal(twoPasses, text);
        Assert.Contains("D90 ", text, StringComparison.Ordinal); // the error cell's warning, found past the sample
        Assert.Contains("\n35: null|", text, StringComparison.Ordinal); // a row the sheet does not store, between data rows
        Assert.DoesNotContain("\n106: ", text, StringComparison.Ordinal); // trailing rows without values are dropped
        if (variant == "hidden rows left out")
            Assert.DoesNotContain("\n33: ", text, StringComparison.Ordinal);
        else
            Assert.Contains("\n33: ", text, StringComparison.Ordinal);
    }

    /// <summary>The sheet read in one pass (no miss), which must give what two passes give; the snapshot.</summary>
    private static string ReadInOnePassAsTwoPassesRead(string path)
    {
        var (text, single) = Speculative(path, new ExcelReadOptions(), 3);
        Assert.True(single);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), text);
        return text;
    }

    private string Integers(int rows, Func<int, string>? cellB = null)
    {
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "n") + "</row>");
        for (int r = 2; r <= rows + 1; r++)
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c>{cellB?.Invoke(r) ?? $"<c r=\"B{r}\"><v>{r % 9}</v></c>"}</row>");
        return Save(book.Sheet("Numbers", xml.ToString()));
    }

    [Fact]
    public void A_fraction_past_the_sample_misses_naming_the_cell_and_two_passes_make_the_column_double()
    {
        var path = Integers(30, r => r == 25 ? $"<c r=\"B{r}\"><v>2.5</v></c>" : $"<c r=\"B{r}\"><v>{r}</v></c>");

        var miss = Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(new ExcelReadOptions())));

        Assert.Equal("'book.xlsx': the single pass stopped at sheet 'Numbers', cell B25: column 'n' holds a Fractional value, "
            + "which makes it another type than Int64.", miss.Message);
        var (text, single) = Speculative(path, new ExcelReadOptions(), 3);
        Assert.False(single);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), text);
        Assert.StartsWith("id:Int64:True|n:Double:True", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c r=\"B20\" t=\"s\"><v>0</v></c>", "cell B20: column 'n' holds a Text value")]
    [InlineData("<c r=\"C20\"><v>1</v></c>", "cell C20: a value outside the columns A:B of the rows before")]
    [InlineData("<c r=\"B20\" t=\"b\"><v>1</v></c>", "cell B20: column 'n' holds a Boolean value")]
    [InlineData("<c r=\"B20\"><v>1</v></c><c r=\"A20\"><v>5</v></c>", "cell A20: a second value for the column, or cells out of column order")]
    [InlineData("<c r=\"B20\"><v>1</v></c></row><row r=\"20\"><c r=\"B20\"><v>7</v></c>", "cell A20: a second row element with the same row number")]
    public void A_value_the_sample_did_not_foresee_misses(string cell, string expected)
    {
        var path = Integers(30, r => r == 20 ? cell : $"<c r=\"B{r}\"><v>{r}</v></c>");

        var miss = Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(new ExcelReadOptions())));

        Assert.Contains(expected, miss.Message, StringComparison.Ordinal);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), Speculative(path, new ExcelReadOptions(), 3).Text);
    }

    [Theory]
    [InlineData("<c r=\"B20\" t=\"s\"><v>{1}</v></c><c r=\"A20\" t=\"s\"><v>{0}</v></c>")]
    [InlineData("<c r=\"A20\" t=\"s\"><v>{0}</v></c><c r=\"A20\" t=\"s\"><v>{1}</v></c>")]
    public void Shared_text_out_of_column_order_misses_and_two_passes_keep_the_later_value(string cells)
    {
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "a") + book.Cell("B1", "b") + "</row>");
        for (int r = 2; r <= 31; r++)
        {
            int a = book.SharedString($"a{r}"), b = book.SharedString($"b{r}");
            xml.Append(r == 20
                ? $"<row r=\"20\">{string.Format(CultureInfo.InvariantCulture, cells, a, b)}</row>"
                : $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>{a}</v></c><c r=\"B{r}\" t=\"s\"><v>{b}</v></c></row>");
        }
        var path = Save(book.Sheet("Texts", xml.ToString()));

        var miss = Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(new ExcelReadOptions())));

        Assert.Contains("cell A20: a second value for the column, or cells out of column order", miss.Message, StringComparison.Ordinal);
        var (text, single) = Speculative(path, new ExcelReadOptions(), 3);
        Assert.False(single);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), text);
    }

    [Fact]
    public void Numbers_set_by_the_taking_thread_read_as_two_passes_read_them()
    {
        // 2^53 + 1 is no double: the Int64 column must hold the double's rounding (2^53), as two passes do and as Excel
        // itself stores it.
        string[] wholes = ["+5", "007", "-0", "-123456789012345", "999999999999999", "1234567890123456", "9007199254740993", "-9007199254740992", "1E3", "2.0"];
        string[] fractions = ["-0", "1.5", "+.5", "4.9E-324", "0.030103534939747087", "12345678901234567", "1e308", "-2.5e-3", "7", "0.1"];
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "whole") + book.Cell("B1", "fraction") + "</row>");
        for (int r = 2; r <= 41; r++)
        {
            string whole = r < 10 ? r.ToString(CultureInfo.InvariantCulture) : wholes[r % wholes.Length];
            string fraction = r < 10 ? $"{r}.25" : fractions[r % fractions.Length];
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{whole}</v></c><c r=\"B{r}\"><v>{fraction}</v></c></row>");
        }
        var path = Save(book.Sheet("Numbers", xml.ToString()));

        var text = ReadInOnePassAsTwoPassesRead(path);

        Assert.Contains("9007199254740992", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9007199254740993", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Date_serials_set_by_the_taking_thread_read_as_two_passes_read_them(bool date1904)
    {
        // Days around the 1900 system's phantom leap day (60 itself is no date), the first and last days, text forms;
        // date-times with and without a fraction, rounding to the millisecond.
        string[] days = date1904 ? ["0", "1", "2957003", "+45001", "045002", "1.0", "1E2"] : ["1", "59", "61", "62", "2958465", "+45001", "045002", "1.0", "1E2"];
        string[] stamps = date1904 ? ["0", "0.5", "2957003.9999999", "44089.797488425924", "1E4"] : ["0.25", "59.5", "61.000005787", "2958465.9999999", "44089.797488425924", "45000", "1E4"];
        var book = new XlsxBuilder { Date1904 = date1904, StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/>") };
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "day") + book.Cell("C1", "stamp") + "</row>");
        for (int r = 2; r <= 31; r++)
        {
            string day = r < 6 ? (45000 + r).ToString(CultureInfo.InvariantCulture) : days[r % days.Length];
            string stamp = r < 6 ? $"{45000 + r}.5" : stamps[r % stamps.Length];
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\" s=\"1\"><v>{day}</v></c><c r=\"C{r}\" s=\"2\"><v>{stamp}</v></c></row>");
        }
        var path = Save(book.Sheet("Days", xml.ToString()));

        var text = ReadInOnePassAsTwoPassesRead(path);

        Assert.Contains("|day:Date:True|stamp:Timestamp:True", text, StringComparison.Ordinal);
        Assert.Contains(TableReading.Show(date1904 ? TableReading.D(9999, 12, 31) : TableReading.D(1900, 3, 1)), text, StringComparison.Ordinal);
        Assert.Contains(TableReading.Show(TableReading.Ts(2020, 9, 15, 19, 8, 23) + (date1904 ? TimeSpan.FromDays(1462) : TimeSpan.Zero)), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "cell B20: a date serial that is no date")]
    [InlineData("45000.5", "cell B20: column 'day' holds a DateTime value")]
    public void A_number_the_taking_thread_parses_that_does_not_fit_its_date_column_misses(string serial, string expected)
    {
        var book = new XlsxBuilder { StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>") };
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "day") + "</row>");
        for (int r = 2; r <= 31; r++)
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\" s=\"1\"><v>{(r == 20 ? serial : (45000 + r).ToString(CultureInfo.InvariantCulture))}</v></c></row>");
        var path = Save(book.Sheet("Days", xml.ToString()));

        var miss = Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(new ExcelReadOptions())));

        Assert.Contains(expected, miss.Message, StringComparison.Ordinal);
        var (text, single) = Speculative(path, new ExcelReadOptions(), 3);
        Assert.False(single);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), text);
    }

    [Fact]
    public void An_error_past_the_sample_misses_and_two_passes_report_it()
    {
        var path = Integers(30, r => r == 28 ? $"<c r=\"B{r}\"><v>1,000</v></c>" : $"<c r=\"B{r}\"><v>{r}</v></c>");
        var twoPasses = ExcelSnapshot.Of(path, new ExcelReadOptions());
        Assert.StartsWith("error: ", twoPasses, StringComparison.Ordinal);

        var miss = Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(new ExcelReadOptions())));

        Assert.StartsWith("'book.xlsx': the single pass stopped at an error: ", miss.Message, StringComparison.Ordinal);
        Assert.IsType<IngestException>(miss.InnerException, exactMatch: false);
        Assert.Equal(twoPasses, Speculative(path, new ExcelReadOptions(), 3).Text);
    }

    [Fact]
    public void An_override_that_fails_past_the_sample_misses_and_two_passes_name_the_cell()
    {
        var path = Integers(30, r => r == 26 ? $"<c r=\"B{r}\" t=\"inlineStr\"><is><t>seven</t></is></c>" : $"<c r=\"B{r}\"><v>{r}</v></c>");
        var options = new ExcelReadOptions { Schema = [new ColumnOverride("n", ColumnType.Int64)] };

        Assert.Throws<SpeculationMissedException>(() => ExcelSnapshot.Read(path, OnePass(options)));

        var text = Speculative(path, options, 3).Text;
        Assert.Equal(ExcelSnapshot.Of(path, options), text);
        Assert.Contains("B26", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> NotTried() => new() { "short", "several sheets", "merged cells", "empty column in the sample", "xls" };

    [Theory]
    [MemberData(nameof(NotTried))]
    public void Sheets_the_single_pass_cannot_fix_from_a_sample_read_in_two_passes_with_the_same_result(string variant)
    {
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "late") + "</row>");
        for (int r = 2; r <= 20; r++)
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c>{(r > 10 ? $"<c r=\"B{r}\"><v>{r}</v></c>" : "")}</row>");
        book.Sheet("One", xml.ToString()).Sheet("Two", xml.ToString());
        var path = variant == "xls" ? Corpus.File("datetime-rounding.xls") : Save(book);
        var options = variant switch
        {
            "short" => new ExcelReadOptions(),
            "several sheets" => new ExcelReadOptions { Sheets = ["*"] },
            "merged cells" => new ExcelReadOptions { FillMergedCells = true },
            _ => new ExcelReadOptions(),
        };
        int sample = variant == "short" ? 100 : 3;

        var (text, single) = ExcelSnapshot.Read(path, OnePass(options, sample));

        Assert.False(single);
        Assert.Equal(ExcelSnapshot.Of(path, options), text);
        Assert.DoesNotContain("error", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_sheet_read_in_one_pass_matches_two_passes_row_for_row()
    {
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "x") + book.Cell("C1", "label") + "</row>");
        for (int r = 2; r <= 6001; r++)
            xml.Append(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\"><v>{r * 0.25}</v></c>{book.Cell($"C{r}", "label " + (r % 50))}</row>"));
        var path = Save(book.Sheet("Long", xml.ToString()));
        var options = new ExcelReadOptions { SinglePass = true }; // the default sample of 4,096 rows

        var (text, single) = ExcelSnapshot.Read(path, options);

        Assert.True(single);
        Assert.Equal(ExcelSnapshot.Of(path, new ExcelReadOptions()), text);
        Assert.Contains("\n6001: 6001 (Int64)|1500.25 (Double)|label 1 (String)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_text_decoded_by_the_filling_and_the_taking_thread_lands_in_its_own_cells()
    {
        // Column a's text is left to the thread taking the batches, column b's (an override) is read on the filling
        // thread; over 4,096 distinct strings each, so both threads' caches keep replacing entries at the same time.
        var rows = new List<object?[]> { new object?[] { "id", "a", "b" } };
        for (int i = 0; i < 9000; i++)
            rows.Add([i, $"a{i % 5000}", $"b{i % 4999}"]);
        var path = Save(new XlsxBuilder().SheetOfValues("S", [.. rows]));
        var options = new ExcelReadOptions { SinglePass = true, BatchSize = 700, Schema = [new ColumnOverride("b", ColumnType.String)] };

        using var reader = ExcelTableReader.Open(path, options);
        Assert.True(reader.IsSinglePass);
        int seen = 0;
        while (reader.ReadNextBatch() is { } batch)
        {
            var ids = (PrimitiveVector<long>)batch.Columns[0];
            var a = (StringVector)batch.Columns[1];
            var b = (StringVector)batch.Columns[2];
            for (int r = 0; r < batch.RowCount; r++)
            {
                long id = ids.Values[r];
                Assert.Equal($"a{id % 5000}", a.Values[r]);
                Assert.Equal($"b{id % 4999}", b.Values[r]);
                seen++;
            }
        }
        Assert.Equal(9000, seen);
    }

    [Fact]
    public void Disposing_in_the_middle_stops_the_reading_thread_and_releases_the_file()
    {
        var path = Integers(3000);
        using (var reader = ExcelTableReader.Open(path, OnePass(new ExcelReadOptions { BatchSize = 10 }, sample: 5)))
        {
            Assert.True(reader.IsSinglePass);
            Assert.NotNull(reader.ReadNextBatch());
        }
        File.Delete(path); // nothing holds the file any more
        Assert.False(File.Exists(path));
    }
}
