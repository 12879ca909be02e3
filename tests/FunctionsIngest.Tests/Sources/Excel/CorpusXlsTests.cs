using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Xls;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Legacy .xls corpus files (BIFF5 and BIFF8), read through ExcelDataReader with the shared typing rules.</summary>
public class CorpusXlsTests
{
    private static object?[] Row(params object?[] values) => values;

    [Fact]
    public void Xls_files_open_through_the_xls_reader()
    {
        using var reader = ExcelTableReader.Open(Corpus.File("mtcars.xls"), new ExcelReadOptions());
        Assert.IsType<XlsTableReader>(reader);
        Assert.Equal("head(mtcars)", reader.SheetName);
        Assert.Equal(["mpg", "cyl", "disp", "hp", "drat", "wt", "qsec", "vs", "am", "gear", "carb"], Names(reader));
        AssertRows(
            [
                Row(21.0, 6L, 160L, 110L, 3.9, 2.62, 16.46, 0L, 1L, 4L, 4L),
                Row(21.0, 6L, 160L, 110L, 3.9, 2.875, 17.02, 0L, 1L, 4L, 4L),
                Row(22.8, 4L, 108L, 93L, 3.85, 2.32, 18.61, 1L, 1L, 4L, 1L),
                Row(21.4, 6L, 258L, 110L, 3.08, 3.215, 19.44, 1L, 0L, 3L, 1L),
                Row(18.7, 8L, 360L, 175L, 3.15, 3.44, 17.02, 0L, 0L, 3L, 2L),
                Row(18.1, 6L, 225L, 105L, 2.76, 3.46, 20.22, 1L, 0L, 3L, 1L),
            ],
            ReadAll(reader));
    }

    [Fact]
    public void Dates_in_1900_and_1904_workbooks_agree()
    {
        // The sheets hold one row of dates (readxl passes col_names); as a header they become ISO names.
        string[] expected = ["2000-01-01", "2000-01-01_2", "2000-01-01_3", "2000-01-01_4", "2000-01-01_5"];
        Assert.Equal(expected, CorpusTable.Read("dates-1900.xls").Names);
        Assert.Equal(expected, CorpusTable.Read("dates-1904.xls").Names);
        Assert.Equal(expected, CorpusTable.Read("dates-1900-LibreOffice.xlsx").Names);
    }

    [Fact]
    public void Datetime_rounding_and_texty_dates()
    {
        var t = CorpusTable.Read("datetime-rounding.xls");
        Assert.Equal([ColumnType.Timestamp, ColumnType.String], t.Types);
        foreach (var row in t.Rows)
            Assert.Equal(((DateTime)row[0]!).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), row[1]);
        AssertRows([Row(Ts(1985, 3, 11, 13)), Row(Ts(1985, 3, 11, 13, 23, 32))], CorpusTable.Read("texty-dates-xls.xls").Rows);
    }

    [Fact]
    public void Leap_year_1900_phantom_day_is_lost_by_ExcelDataReader()
    {
        // Documented difference from .xlsx: ExcelDataReader turns serial 60.33 into 1900-02-28 08:00 and gives no
        // way to see the serial, so the .xls reader cannot null it as the .xlsx reader does.
        var t = CorpusTable.Read("dates-leap-year-1900-xls.xls", "for_testing");
        Assert.Equal([ColumnType.Timestamp, ColumnType.String, ColumnType.Boolean], t.Types);
        AssertRows(
            [
                Row(Ts(1900, 1, 1, 8), "1900-01-01 08:00:00", true),
                Row(Ts(1900, 1, 2, 8), "1900-01-02 08:00:00", true),
                Row(Ts(1900, 2, 28, 8), "1900-02-28 08:00:00", true),
                Row(Ts(1900, 2, 28, 8), "1900-02-29 08:00:00", false),
                Row(Ts(1900, 3, 1, 8), "1900-03-01 08:00:00", true),
                Row(Ts(1903, 12, 31, 8), "1903-12-31 08:00:00", true),
                Row(Ts(1904, 1, 1, 8), "1904-01-01 08:00:00", true),
            ],
            t.Rows);
    }

    [Fact]
    public void Colour_formats_are_numbers_even_where_ExcelDataReader_sees_elapsed_minutes()
    {
        // ExcelDataReader returns TimeSpan 00:00 for "[Magenta]0"; the format is reclassified here, giving the number 0.
        var t = CorpusTable.Read("color-date-xls.xls");
        Assert.Equal([ColumnType.Int64], t.Types);
        Assert.Equal(Enumerable.Repeat<object?>(0L, 7), t.Column(0));
    }

    [Fact]
    public void Sixty_five_thousand_rows()
    {
        var t = CorpusTable.Read("65536-rows-xls.xls");
        Assert.Equal(["column_1"], t.Names);
        Assert.Equal(65535, t.Rows.Count);
        Assert.Equal(["HELLO", "WORLD"], t.Column(0)[^2..]);
        Assert.All(t.Rows[..^2], r => Assert.Null(r[0]));
    }

    [Fact]
    public void Biff5_label_records_and_rich_text()
    {
        var t = CorpusTable.Read("biff5-label-records.xls", headerRow: 3);
        Assert.Equal(["Date", "Time", "AUBURN SW AQS CO 1h average [ppm]", "AUBURN SW AQS HUMID 1h average [%]"], t.Names);
        Assert.Equal(14, t.Rows.Count);
        AssertRows([Row("21/01/2017", "01:00", "0.170769", 54.033)], t.Rows[..1]);
        AssertRows([Row("21/01/2017", "14:00", "--", 45.686)], t.Rows[^1..]);
        var rich = CorpusTable.Read("biff5-rich-text-string.xls", headerRow: 3);
        Assert.Equal(["No.", "Surname in full.", "Christian Names (if any) in full."], rich.Names[..3]);
        AssertRows([Row(1788L, "McNally", "Henry", "Cape Police", "Salary", "Grootvlakte", "Colonial Government", "E")], rich.Rows[..1]);
    }

    [Fact]
    public void More_than_256_unique_strings()
    {
        var t = CorpusTable.Read("more-than-256-unique-strings-xls.xls");
        Assert.Equal(["var"], t.Names);
        Assert.Equal(Enumerable.Range(1, 257).Select(i => (object?)("x" + i)), t.Column(0));
    }

    [Fact]
    public void Utf8_sheet_names_and_text()
    {
        Assert.Equal(["\u00b5", "\u2202"], ExcelTableReader.ListSheets(Corpus.File("utf8-sheet-names.xls")));
        AssertRows([Row(1L)], CorpusTable.Read("utf8-sheet-names.xls", "\u00b5").Rows);
        Assert.Equal(["BÙN SÉT", "SÉT lẫn sạn laterite", "CÁT THÔ lẫn sạn thạch anh", "CÁT MỊN", "CÁT TRUNG", "SÉT lẫn kết vón silic"],
            CorpusTable.Read("vietnamese-utf8.xls").Column(0));
    }

    [Fact]
    public void Iris_values_carry_ExcelDataReaders_rk_rounding()
    {
        // Documented difference: ExcelDataReader decodes RK numbers stored x100 as 30 * 0.01, giving
        // 0.30000000000000004 where Excel, readxl and the .xlsx twin have 0.3. Values are passed on as received.
        var xls = CorpusTable.Read("iris-excel-xls.xls");
        var xlsx = CorpusTable.Read("iris-excel-xlsx.xlsx");
        Assert.Equal(xlsx.Names, xls.Names);
        Assert.Equal(xlsx.Types, xls.Types);
        Assert.Equal(0.30000000000000004, xls.Rows[6][3]);
        Assert.Equal(0.3, xlsx.Rows[6][3]);
        for (int r = 0; r < xlsx.Rows.Count; r++)
        {
            for (int c = 0; c < 5; c++)
            {
                if (xlsx.Rows[r][c] is double d)
                    Assert.Equal(d, (double)xls.Rows[r][c]!, 1e-12);
                else
                    Assert.Equal(xlsx.Rows[r][c], xls.Rows[r][c]);
            }
        }
    }

    [Fact]
    public void Columns_past_IV_are_not_seen_by_ExcelDataReader()
    {
        // geometry.xls places a value in column AKE (967), beyond BIFF8's 256 columns; ExcelDataReader drops it,
        // leaving the sheet empty, so asking for its header row fails clearly. The .xlsx twin reads it.
        Assert.Throws<IngestException>(() => CorpusTable.Read("geometry.xls", "warning_AKE6"));
        Assert.Equal(["var3"], CorpusTable.Read("geometry.xlsx", "warning_AKE6", headerRow: 3).Names);
    }

    [Fact]
    public void Broken_xls_files_fail_with_ingest_errors()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(Corpus.File("mtcars.xls"));
        var cut = dir.Write("cut.xls", bytes[..1024]);
        var ex = Assert.Throws<IngestException>(() => ExcelTableReader.Open(cut, new ExcelReadOptions { DisplayName = "cut.xls" }));
        Assert.Equal("cut.xls", ex.File);
        var garbage = (byte[])bytes.Clone();
        for (int i = 600; i < garbage.Length; i += 7)
            garbage[i] ^= 0xA5;
        var garbled = dir.Write("garbled.xls", garbage);
        Assert.Throws<IngestException>(() =>
        {
            using var reader = ExcelTableReader.Open(garbled, new ExcelReadOptions());
            while (reader.ReadNextBatch() is not null)
            {
            }
        });
    }
}
