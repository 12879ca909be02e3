using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

public class XlsxLayoutTests : XlsxTestBase
{
    [Fact]
    public void Header_names_are_generated_deduplicated_and_extended_to_data_columns()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S",
            ["amount", null, "amount", "AMOUNT", " ", 1.5],
            [1, 2, 3, 4, 5, 6, 7, null]);
        using var reader = Open(book);
        Assert.Equal(["amount", "column_2", "amount_2", "AMOUNT_3", "column_5", "1.5", "column_7"], Names(reader));
        AssertRows([Row(1L, 2L, 3L, 4L, 5L, 6L, 7L)], ReadAll(reader));
    }

    [Fact]
    public void Empty_edges_are_dropped_but_inner_blanks_kept()
    {
        var book = new XlsxBuilder();
        // Column A and everything right of D are empty or style-only; rows 6-9 hold only style-only cells.
        book.Sheet("S",
            "<row r=\"1\"><c r=\"A1\" s=\"0\"/>" + book.Cell("B1", "b") + book.Cell("D1", "d") + "<c r=\"Z1\" s=\"0\"/></row>" +
            "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"D2\"><v>2</v></c></row>" +
            "<row r=\"4\"><c r=\"B4\"><v>3</v></c></row>" +
            "<row r=\"6\"><c r=\"B6\" s=\"0\"/></row><row r=\"9\"><c r=\"XFD9\" s=\"0\"/></row>");
        using var reader = Open(book);
        Assert.Equal(["b", "column_3", "d"], Names(reader));
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.Int64], Types(reader));
        AssertRows([Row(1L, null, 2L), Row(null, null, null), Row(3L, null, null)], ReadAll(reader));
        Assert.Equal(3, reader.RowsRead);
    }

    [Fact]
    public void Header_row_can_be_further_down()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S",
            ["title text that spans", null, null, null],
            [],
            [null, "x", "y"],
            [null, 1, "a"],
            [null, 2, "b"]);
        using var reader = Open(book, new ExcelReadOptions { HeaderRow = 3 });
        Assert.Equal(["x", "y"], Names(reader));
        AssertRows([Row(1L, "a"), Row(2L, "b")], ReadAll(reader));
    }

    [Fact]
    public void A_header_row_with_no_data_gives_an_empty_table()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["a", "b"]);
        using var reader = Open(book);
        Assert.Equal(["a", "b"], Names(reader));
        Assert.Equal([ColumnType.String, ColumnType.String], Types(reader));
        Assert.Null(reader.ReadNextBatch());
        Assert.Equal(0, reader.RowsRead);
    }

    [Fact]
    public void Batches_hold_at_most_batch_size_rows_and_keep_values_in_order()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", [["n", "s"], .. Enumerable.Range(1, 10).Select(i => new object?[] { i, i % 3 == 0 ? null : "v" + i })]);
        using var reader = Open(book, new ExcelReadOptions { BatchSize = 3 });
        var sizes = new List<int>();
        var values = new List<object?[]>();
        RecordBatch? batch;
        while ((batch = reader.ReadNextBatch()) is not null)
        {
            sizes.Add(batch.RowCount);
            for (int r = 0; r < batch.RowCount; r++)
                values.Add([ValueAt(batch.Columns[0], r), ValueAt(batch.Columns[1], r)]);
        }
        Assert.Equal([3, 3, 3, 1], sizes);
        AssertRows(Enumerable.Range(1, 10).Select(i => Row((long)i, i % 3 == 0 ? null : "v" + i)).ToList(), values);
        Assert.Equal(10, reader.RowsRead);
        Assert.Null(reader.ReadNextBatch());
    }

    [Fact]
    public void Sheets_are_chosen_by_name_case_or_position()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("First", ["a"], [1]);
        book.SheetOfValues("Second", ["b"], [2]);
        book.SheetOfValues("3", ["c"], [3]);
        var path = Save(book);
        Assert.Equal(["First", "Second", "3"], ExcelTableReader.ListSheets(path));
        foreach (var (sheet, expected) in new[] { ((string?)null, "First"), ("second", "Second"), ("Second", "Second"), ("2", "Second"), ("3", "3"), ("1", "First") })
        {
            using var reader = ExcelTableReader.Open(path, new ExcelReadOptions { Sheet = sheet });
            Assert.Equal(expected, reader.SheetName);
        }
    }

    [Fact]
    public void Exact_sheet_name_wins_over_a_case_insensitive_match()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("data", ["lower"], [1]);
        book.SheetOfValues("DATA", ["upper"], [1]);
        using var reader = Open(book, new ExcelReadOptions { Sheet = "DATA" });
        Assert.Equal(["upper"], Names(reader));
    }

    [Fact]
    public void Chartsheets_are_not_listed_and_sheets_resolve_through_rels()
    {
        var book = new XlsxBuilder();
        book.Part("xl/workbook.xml", $"<workbook xmlns=\"{XlsxBuilder.Main}\" xmlns:r=\"{XlsxBuilder.RelNs}\"><sheets><sheet name=\"Chart\" sheetId=\"1\" r:id=\"c\"/><sheet name=\"Data\" sheetId=\"9\" r:id=\"d\" state=\"hidden\"/></sheets></workbook>");
        book.Part("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{XlsxBuilder.PkgRelNs}\"><Relationship Id=\"c\" Type=\"{XlsxBuilder.RelNs}/chartsheet\" Target=\"chartsheets/sheet1.xml\"/><Relationship Id=\"d\" Type=\"{XlsxBuilder.RelNs}/worksheet\" Target=\"xl/worksheets/other.xml\"/><Relationship Id=\"x\" Type=\"{XlsxBuilder.RelNs}/hyperlink\" Target=\"http://example.com\" TargetMode=\"External\"/></Relationships>");
        book.Part("xl/chartsheets/sheet1.xml", "<chartsheet/>");
        book.Part("xl/worksheets/other.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>v</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>7</v></c></row></sheetData></worksheet>");
        var path = Save(book);
        Assert.Equal(["Data"], ExcelTableReader.ListSheets(path));
        using var reader = ExcelTableReader.Open(path, new ExcelReadOptions());
        Assert.Equal("Data", reader.SheetName);
        AssertRows([Row(7L)], ReadAll(reader));
    }

    [Fact]
    public void Wide_rows_up_to_column_XFD_are_read()
    {
        var book = new XlsxBuilder();
        var header = string.Concat(Enumerable.Range(0, 16384).Select(c => $"<c r=\"{XlsxBuilder.Ref(c, 1)}\"><v>{c}</v></c>"));
        book.Sheet("S", $"<row r=\"1\">{header}</row><row r=\"2\"><c r=\"XFD2\"><v>42</v></c></row>");
        using var reader = Open(book);
        Assert.Equal(16384, reader.Schema.Count);
        Assert.Equal(256, FunctionsIngest.Sources.Excel.ExcelSheetReader.EffectiveBatchSize(4096, reader.Schema.Count));
        Assert.Equal("16383", reader.Schema[16383].Name);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal(42L, row[16383]);
        Assert.All(row.Take(16383), Assert.Null);
    }

    [Fact]
    public void The_file_is_released_once_the_reader_is_open()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", [["n"], .. Enumerable.Range(1, 50).Select(i => new object?[] { i })]);
        var path = Save(book);
        using var reader = ExcelTableReader.Open(path, new ExcelReadOptions { BatchSize = 8 });
        // Pass 2 replays the spool, so the workbook can be moved or replaced while batches are read.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }
        File.Delete(path);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (object?)(long)i), ReadAll(reader).Select(r => r[0]));
    }

    [Fact]
    public void A_million_character_cell_is_read_whole()
    {
        // Random letters: a run of one letter compresses 1000:1 and is refused as a zip bomb (see the hostile tests).
        var random = new Random(42);
        var text = new string(Enumerable.Range(0, 1_000_000).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["big"], [text]);
        using var reader = Open(book);
        Assert.Equal(text, Assert.Single(ReadAll(reader))[0]);
    }

    [Fact]
    public void Display_name_is_used_in_errors_and_defaults_to_the_file_name()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["a"]);
        var path = Save(book);
        var named = Assert.Throws<IngestException>(() => ExcelTableReader.Open(path, new ExcelReadOptions { Sheet = "nope", DisplayName = "in/box/book.xlsx" }));
        Assert.Equal("in/box/book.xlsx", named.File);
        Assert.Contains("'in/box/book.xlsx'", named.Message, StringComparison.Ordinal);
        var plain = Assert.Throws<IngestException>(() => ExcelTableReader.Open(path, new ExcelReadOptions { Sheet = "nope" }));
        Assert.Equal("book.xlsx", plain.File);
        Assert.Contains("'S'", plain.Message, StringComparison.Ordinal);
    }
}
