using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Every broken or hostile file must end in an IngestException naming the file, quickly.</summary>
public class XlsxHostileInputTests : XlsxTestBase
{
    private IngestException Fails(string path, ExcelReadOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<IngestException>(() =>
        {
            using var reader = ExcelTableReader.Open(path, options ?? new ExcelReadOptions());
            while (reader.ReadNextBatch() is not null)
            {
            }
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(Path.GetFileName(path), ex.File);
        return ex;
    }

    private IngestException Fails(XlsxBuilder book, ExcelReadOptions? options = null) => Fails(Save(book), options);

    private static XlsxBuilder Valid()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["a"], [1]);
        return book;
    }

    [Fact]
    public void Missing_file()
    {
        var ex = Assert.Throws<IngestException>(() => ExcelTableReader.Open(Path.Combine(Dir.Path, "none.xlsx"), new ExcelReadOptions { DisplayName = "none.xlsx" }));
        Assert.Contains("was not found", ex.Message, StringComparison.Ordinal);
        Assert.Throws<IngestException>(() => ExcelTableReader.ListSheets(Path.Combine(Dir.Path, "nodir", "x.xlsx")));
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("<html><body>table</body></html>")]
    [InlineData("")]
    [InlineData("PK")]
    public void Not_a_workbook(string content)
    {
        var ex = Fails(Dir.Write("renamed.xlsx", Encoding.UTF8.GetBytes(content)));
        Assert.Contains("not a readable Excel workbook", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_zip()
    {
        var bytes = Valid().ToBytes();
        Fails(Dir.Write("cut.xlsx", bytes[..(bytes.Length / 2)]));
        Fails(Dir.Write("cut2.xlsx", bytes[..(bytes.Length - 10)]));
    }

    [Fact]
    public void Corrupt_deflate_data()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", [["a"], .. Enumerable.Range(0, 5000).Select(i => new object?[] { i * 7919 % 10007 })]);
        var bytes = book.ToBytes();
        var sheetAt = IndexOf(bytes, Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml")) + 40;
        for (int i = sheetAt; i < sheetAt + 200; i++)
            bytes[i] ^= 0x5A;
        var ex = Fails(Dir.Write("garbled.xlsx", bytes));
        Assert.Contains("sheet1.xml", ex.Message, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    [Theory]
    [InlineData("xl/workbook.xml")]
    [InlineData("xl/worksheets/sheet1.xml")]
    public void Missing_required_parts(string part)
    {
        var ex = Fails(Valid().Without(part));
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_shared_strings_that_cells_refer_to()
    {
        var ex = Fails(Valid().Without("xl/sharedStrings.xml"));
        Assert.Equal("A1", ex.Cell);
        Assert.Contains("shared string index '0'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml")]
    [InlineData("xl/styles.xml")]
    public void Dtd_is_an_error(string part)
    {
        var ex = Fails(Valid().Part(part, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><worksheet><sheetData>&lol2;</sheetData></worksheet>"));
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml()
    {
        var ex = Fails(Valid().Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>"));
        Assert.Contains("malformed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_sheet_lists_the_sheets()
    {
        var ex = Fails(Valid(), new ExcelReadOptions { Sheet = "Missing" });
        Assert.Equal("Missing", ex.Sheet);
        Assert.Contains("Sheets: 'S'", ex.Message, StringComparison.Ordinal);
        Fails(Valid(), new ExcelReadOptions { Sheet = "2" });
        Fails(Valid(), new ExcelReadOptions { Sheet = "0" });
    }

    [Fact]
    public void Header_row_beyond_the_data_and_empty_sheets()
    {
        var ex = Fails(Valid(), new ExcelReadOptions { HeaderRow = 3 });
        Assert.Equal("S", ex.Sheet);
        Assert.Contains("no row 3", ex.Message, StringComparison.Ordinal);
        var empty = new XlsxBuilder();
        empty.Sheet("Empty", "");
        Fails(empty);
        Assert.Contains("between 1 and 1048576", Fails(Valid(), new ExcelReadOptions { HeaderRow = 0 }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_bomb_is_rejected_while_inflating()
    {
        var book = Valid();
        var filler = new string(' ', 60_000_000); // compresses ~1000:1, far past POI's 1% minimum ratio
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData>{filler}</sheetData></worksheet>");
        var ex = Fails(book);
        Assert.Contains("zip bomb", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sheet1.xml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_identical_characters_in_one_cell_trip_the_ratio_guard()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["big"], [new string('x', 1_000_000)]);
        Assert.Contains("sharedStrings.xml", Fails(book).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_and_duplicate_names()
    {
        var many = Valid();
        for (int i = 0; i < 1000; i++)
            many.Part($"junk/{i}.txt", "x");
        Assert.Contains("more than 1000 entries", Fails(many).Message, StringComparison.Ordinal);

        var bytes = Valid().ToBytes();
        using var buffer = new MemoryStream();
        buffer.Write(bytes);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("XL/WORKBOOK.XML").Open();
            stream.Write("<x/>"u8);
        }
        Assert.Contains("more than once", Fails(Dir.Write("dup.xlsx", buffer.ToArray())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "XFE1")]
    [InlineData("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", "1A")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1,000</v></c></row>", "A1")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>", "A1")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>", "A1")]
    public void Bad_cells_name_the_cell(string sheetData, string cell)
    {
        var book = Valid();
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
        var ex = Fails(book);
        Assert.Equal(cell, ex.Cell);
        Assert.Equal("S", ex.Sheet);
    }

    [Fact]
    public void Rows_out_of_order_and_beyond_the_limit()
    {
        var book = Valid();
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"5\"/><row r=\"2\"/></sheetData></worksheet>");
        Assert.Contains("row 2 follows row 5", Fails(book).Message, StringComparison.Ordinal);
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1048577\"/></sheetData></worksheet>");
        Fails(book);
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"0\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>");
        Assert.Contains("row 0", Fails(book).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_xlsb_workbooks_are_refused_clearly()
    {
        var book = Valid();
        book.Part("_rels/.rels", $"<Relationships xmlns=\"{XlsxBuilder.PkgRelNs}\"><Relationship Id=\"rId1\" Type=\"{XlsxBuilder.RelNs}/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>");
        book.Part("xl/workbook.bin", "binary");
        Assert.Contains(".xlsb", Fails(book).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_ooxml_is_reported_as_password_protected()
    {
        var path = Dir.Write("secret.xlsx", Ole2Builder.WithStreams("EncryptionInfo", "EncryptedPackage"));
        var ex = Fails(path);
        Assert.Contains("password-protected", ex.Message, StringComparison.Ordinal);
        Assert.Contains("password-protected", Assert.Throws<IngestException>(() => ExcelTableReader.ListSheets(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ole2_file_that_is_no_workbook()
    {
        var ex = Fails(Dir.Write("doc.xls", Ole2Builder.WithStreams("WordDocument")));
        Assert.DoesNotContain("password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_pointing_at_a_missing_relationship()
    {
        var book = Valid();
        book.Part("xl/workbook.xml", $"<workbook xmlns=\"{XlsxBuilder.Main}\" xmlns:r=\"{XlsxBuilder.RelNs}\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"nope\"/></sheets></workbook>");
        Assert.Contains("'nope'", Fails(book).Message, StringComparison.Ordinal);
    }
}
