using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// The fast UTF-8 scanner must give exactly the rows of the XmlReader-based scanner (the oracle): on every corpus
/// workbook, and on parts written to stress the tokenizer (entities, CDATA, comments, quotes, prefixes, CRLF,
/// tokens split across buffer refills).
/// </summary>
public class ScannerEquivalenceTests : XlsxTestBase
{
    public static TheoryData<string> XlsxFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files("*.xlsx"))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(XlsxFiles))]
    public void Corpus_rows_are_identical(string file) => AssertSameRows(Corpus.File(file));

    [Theory]
    [MemberData(nameof(XlsxFiles))]
    public void Corpus_shared_strings_are_identical(string file)
    {
        using var package = ZipPackage.Open(Corpus.File(file), file);
        var part = WorkbookPart.Read(package, WorkbookPart.FindPartName(package)).SharedStringsPart;
        if (part is null || !package.Contains(part))
            return;
        var fast = SharedStringTable.Read(package, part);
        var slow = SharedStringTable.ReadWithXmlReader(package, part);
        Assert.Equal(slow.Count, fast.Count);
        for (int i = 0; i < slow.Count; i++)
            Assert.Equal(slow[i], fast[i]);
    }

    [Fact]
    public void Compact_shared_strings_and_their_near_misses_read_as_the_oracle_reads_them()
    {
        string[] items =
        [
            "<si><t>plain {0}</t></si>",
            "<si><t xml:space=\"preserve\">  padded {0} </t></si>",
            "<si><t>a&amp;b {0}</t></si>",
            "<si><t>x_x000D_y {0}</t></si>",
            "<si><t>line\r\nbreak {0}</t></si>",
            "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>{0}</t></r></si>",
            "<si><t/></si>",
            "<si/>",
            "<si><t>{0}</t><rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>",
            "\n<si><t>after a newline {0}</t></si>",
            "<si><t xml:space='preserve'>quoted {0}</t></si>",
            "<si><t>caf\u00e9 \u65e5\u672c {0}</t></si>",
            "<si><t>snake_case_{0}</t></si>",
            "<si><t>a plain item that runs well past one 32-byte block {0}</t></si>",
            "<si><t>an item whose accent comes late, past the first block: caf\u00e9 {0}</t></si>",
            "<si><t>an item whose escape comes late, past the first block: x_x0041_y {0}</t></si>",
        ];
        var sst = new StringBuilder($"<sst xmlns=\"{XlsxBuilder.Main}\">");
        for (int i = 0; i < 30000; i++)
            sst.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, items[i % items.Length], i));
        sst.Append("</sst>");
        var book = new XlsxBuilder();
        book.Sheet("S", "");
        book.Part("xl/sharedStrings.xml", sst.ToString());
        var path = Save(book);

        using var package = ZipPackage.Open(path, "book.xlsx");
        var fast = SharedStringTable.Read(package, "xl/sharedStrings.xml");
        var slow = SharedStringTable.ReadWithXmlReader(package, "xl/sharedStrings.xml");
        Assert.Equal(30000, fast.Count);
        Assert.Equal(Enumerable.Range(0, slow.Count).Select(i => slow[i]), Enumerable.Range(0, fast.Count).Select(i => fast[i]));
        Assert.Equal("  padded 1 ", fast[1]);
        Assert.Equal("x\ry 3", fast[3]);
        Assert.Equal("snake_case_12", fast[12]);
        Assert.Equal("an item whose escape comes late, past the first block: xAy 15", fast[15]);
    }

    [Theory]
    [InlineData("<si><t>0123456789</t></si><si><t>01234567890</t></si>", 1)] // the ASCII fast path
    [InlineData("<si><t>\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9</t></si><si><t>\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9</t></si>", 1)] // 2 bytes a character
    [InlineData("<si><t>short</t></si><si><t>x_x0041_012345678</t></si>", 1)] // 11 characters once decoded, 17 bytes before
    [InlineData("<si><t>short</t></si><si><r><t>01234</t></r><r><t>567890</t></r></si>", 1)] // the runs together
    public void A_shared_string_past_the_text_limit_is_refused_by_its_index(string items, int index)
    {
        var book = new XlsxBuilder();
        book.Sheet("S", "");
        book.Part("xl/sharedStrings.xml", $"<sst xmlns=\"{XlsxBuilder.Main}\">{items}</sst>");
        using var package = ZipPackage.Open(Save(book), "book.xlsx", new PackageLimits { MaxTextLength = 10 });
        var error = Assert.Throws<IngestException>(() => SharedStringTable.Read(package, "xl/sharedStrings.xml"));
        Assert.Contains($"shared string {index} is longer than 10 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal("book.xlsx", error.File);
    }

    [Fact]
    public void A_shared_string_at_the_text_limit_is_read()
    {
        var book = new XlsxBuilder();
        book.Sheet("S", "");
        book.Part("xl/sharedStrings.xml", $"<sst xmlns=\"{XlsxBuilder.Main}\"><si><t>0123456789</t></si><si><t>\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9</t></si><si><t>x_x0041_01234567</t></si></sst>");
        using var package = ZipPackage.Open(Save(book), "book.xlsx", new PackageLimits { MaxTextLength = 10 });
        var table = SharedStringTable.Read(package, "xl/sharedStrings.xml");
        Assert.Equal(["0123456789", new string('\u00e9', 10), "xA01234567"], Enumerable.Range(0, table.Count).Select(i => table[i]));
    }

    [Fact]
    public void Tokenizer_edge_cases_are_identical()
    {
        var book = new XlsxBuilder();
        var sheet = new StringBuilder();
        sheet.Append("<?xml version='1.0' encoding='UTF-8'?>\r\n<!-- lead comment --><?pi data?>");
        sheet.Append($"<x:worksheet xmlns:x='{XlsxBuilder.Main}'\r\n  xmlns:y=\"urn:other\"><x:dimension ref='A1'/><x:sheetData>");
        sheet.Append("<x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t>a&amp;b &lt;&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#x1F600;</x:t></x:is></x:c>");
        sheet.Append("<x:c\nr=\"B1\"\tt = 'inlineStr' ><x:is><x:t><![CDATA[<raw> & ]]>tail<!-- c --><?p?>end</x:t></x:is></x:c>");
        sheet.Append("<x:c r='C1' t='inlineStr'><x:is><x:t xml:space='preserve'>line1\r\nline2\rline3</x:t></x:is></x:c>");
        sheet.Append("<x:c r='D1' y:r='Z9' t='str'><x:f>1</x:f><x:v>x_x000D_y</x:v></x:c><x:c r='E1'><x:v> 1.5E3 </x:v></x:c>");
        sheet.Append($"<c xmlns='{XlsxBuilder.Main}' r='F1'><v>4&#50;</v></c><c xmlns='{XlsxBuilder.Main}' r='G1'><v>7</v> </c><c xmlns='{XlsxBuilder.Main}' r='H1'><v>8</v></c></x:row>");
        sheet.Append("<x:row r='2' x14ac:dyDescent='0.25' xmlns:x14ac='urn:ac'><x:c r='A2' s='0' t='b'><x:v>1</x:v></x:c><x:c r='B2'><x:f/></x:c><x:c r='C2'/><x:c r='D2' t='e'><x:v>#N/A</x:v></x:c></x:row>");
        sheet.Append("<x:row r='2'><x:c r='E2'><x:extLst><x:ext><x:v>ignored?</x:v></x:ext></x:extLst><x:v>7</x:v></x:c></x:row><x:row/>");
        var random = new Random(7);
        for (int r = 4; r < 3000; r++)
        {
            sheet.Append($"<x:row r=\"{r}\">");
            for (int c = 0; c < 6; c++)
            {
                var text = new string((char)('a' + random.Next(26)), random.Next(1, 120));
                sheet.Append(c % 2 == 0
                    ? $"<x:c r=\"{XlsxBuilder.Ref(c, r)}\" t=\"inlineStr\"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>{text}&amp;</x:t></x:r><x:rPh><x:t>ph</x:t></x:rPh></x:is></x:c>"
                    : $"<x:c r=\"{XlsxBuilder.Ref(c, r)}\"><x:v>{random.NextDouble()}</x:v></x:c>");
            }
            sheet.Append("</x:row>");
        }
        sheet.Append("</x:sheetData><x:mergeCells><x:mergeCell ref='A1:B1'/></x:mergeCells></x:worksheet>");
        book.Sheet("S", "");
        book.Part("xl/worksheets/sheet1.xml", sheet.ToString());
        var path = Save(book);
        AssertSameRows(path);

        var rows = ReadRows(path, fast: true);
        Assert.Equal("a&b <> \"q\" 's' AB\U0001F600", rows[0].Cells[0].Text);
        Assert.Equal("<raw> & tailend", rows[0].Cells[1].Text);
        Assert.Equal("line1\nline2\nline3", rows[0].Cells[2].Text);
        Assert.Equal("x\ry", rows[0].Cells[3].Text);
        Assert.Equal(1500.0, rows[0].Cells[4].Number);
        Assert.Equal([42.0, 7.0, 8.0], rows[0].Cells[5..8].Select(c => c.Number).ToArray()); // H1 takes the plain-cell fast path
    }

    [Fact]
    public void Compact_cells_and_their_near_misses_read_as_the_oracle_reads_them()
    {
        string[] shapes =
        [
            "<c r=\"A{0}\"><v>{1}</v></c>",
            "<c t=\"n\" s=\"1\" r=\"B{0}\"><v>{1}</v></c>",
            "<c r=\"C{0}\" s=\"2\"/>",
            "<c r=\"D{0}\" cm=\"1\"><v>{1}</v></c>",
            "<c r=\"E{0}\" s=\"&#49;\"><v>{1}</v></c>",
            "<c><v>{1}</v></c>",
            "<c r=\"G{0}\" t=\"str\"><v>a&amp;{1}</v></c>",
            "<c  r=\"H{0}\"><v>{1}</v></c>",
            "<c r='I{0}'><v>{1}</v></c>",
            "<c r=\"J{0}\" s=\"x\"><v>{1}</v></c>",
            "<c r=\"K{0}\" t=\"b\"><v>1</v></c>",
            "<c r=\"L{0}\"><v>{1}</v><f>1</f></c>",
            "<c r=\"M{0}\"></c>",
            "<c r=\"N{0}\" t=\"str\"><v>a value well past twenty-four bytes {1}</v></c>",
            "<c r=\"O{0}\" t=\"str\"><v>twenty-three bytes, then&amp;{1}</v></c>",
            "<c r=\"P{0}\" t=\"str\"><v>exactly twenty-four byte</v></c>",
            "<c r=\"Q{0}\" s=\"0001\"><v>{1}</v></c>",
            "<c r=\"r{0}\" t=\"\"><v>{1}</v></c>",
            "<c r=\"S{0}\" s=\"\"><v>{1}</v></c>",
            "<c r=\"T{0}\" t=\"zz\"><v>{1}</v></c>",
            "<c r=\"U{0}\" s=\"1234567890\"><v>{1}</v></c>",
            "<c r=\"V{0}\" t=\"d\"><v>2024-01-02T03:04:05</v></c>",
            "<c r=\"W{0}\" t=\"e\"><v>#DIV/0!</v></c>",
            "<c r=\"X\"><v>{1}</v></c>",
            "<c r=\"Y{0}\" t=\"b\" s=\"2\"><v>0</v></c>",
            "<c r=\"Z{0}\" t=\"str\"><v>more than thirty-two bytes of text, then&amp;{1}</v></c>",
            "<c r=\"AA{0}\" t=\"str\"><v>thirty-one bytes of text, then\r\n{1}</v></c>",
            "<c r=\"aB{0}\"><v>{1}</v></c>",
            "<c r=\"AC0{0}\"><v>{1}</v></c>",
            "<c r=\"AD0000000000000{0}\"><v>{1}</v></c>",
        ];
        string[] numbers = ["-0", "+5", "1.", ".5", "007", "123456789012345", "1234567890123456", "0.030103534939747087", "1e5", "-12.50", "4.9E-324"];
        string[] rowStarts =
        [
            "<row r=\"{0}\">",
            "<row r=\"{0}\" spans=\"1:13\" x14ac:dyDescent=\"0.25\" xmlns:x14ac=\"urn:ac\">",
            "<row r=\"{0}\" hidden=\"1\">",
            "<row hidden=\"true\" ht=\"0\" r=\"{0}\">",
            "<row r=\"{0}\" s=\"&#49;\" hidden=\"0\">",
            "\n<row  r=\"{0}\">",
            "<row r='{0}'>",
            "<row r=\"00{0}\" spans=\"1:13\">",
            "<row r=\"{0}.0\">",
            "<row spans=\"1:13\" r=\"{0}\"/><row r=\"{0}\">",
        ];
        var sheet = new StringBuilder($"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row/><row r=\"2\"/>");
        for (int r = 3; r <= 6000; r++)
        {
            sheet.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, rowStarts[r % rowStarts.Length], r));
            foreach (var shape in shapes)
                sheet.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, r, numbers[(r + shape.Length) % numbers.Length]));
            if (r % 1000 == 0)
                sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c r=\"XFD{r}\"><v>{r}</v></c>"); // three letters, the last column
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var book = new XlsxBuilder { StylesXml = XlsxBuilder.Styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"21\"/>") };
        book.Sheet("S", "");
        book.Part("xl/worksheets/sheet1.xml", sheet.ToString());
        var path = Save(book);
        AssertSameRows(path);

        var rows = ReadRows(path, fast: true);
        Assert.Equal(CellKind.DateTime, rows[4].Cells[1].Kind); // s="1": a date format
        Assert.Equal(Enumerable.Range(3, 5998).Where(r => r % rowStarts.Length is 2 or 3), rows.Where(r => r.Hidden).Select(r => r.Number));
        var negativeZero = rows.SelectMany(r => r.Cells).First(c => c.Kind == CellKind.Number && c.Number == 0 && double.IsNegative(c.Number));
        Assert.True(double.IsNegative(negativeZero.Number));
        Assert.Contains(rows, r => r.Cells.Length > 1 && r.Cells[1].Number == 1234567890123456.0);
        Assert.Equal([1000.0, 2000, 3000, 4000, 5000, 6000], rows.Where(r => r.Cells.Length == 16384).Select(r => r.Cells[16383].Number));
        Assert.Equal(CellKind.Number, rows[4].Cells[27].Kind); // aB: letters in either case
    }

    [Fact]
    public void Utf16_sheet_parts_fall_back_to_the_xmlreader_scanner()
    {
        var book = new XlsxBuilder();
        book.Sheet("S", "");
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h\u00e9</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>5</v></c></row></sheetData></worksheet>";
        book.Part("xl/worksheets/sheet1.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);
        using var reader = Open(book);
        Assert.Equal(["h\u00e9"], TableReading.Names(reader));
        TableReading.AssertRows([[5L]], TableReading.ReadAll(reader));
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "unexpected end tag")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>&bogus;</v></c></row>", "undeclared entity")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>open", "ends inside")]
    [InlineData("<row r=\"1\"><c r=\"A1 t=\"s\"><v>0</v></c></row>", "Malformed")]
    public void Malformed_sheets_fail_clearly_in_the_fast_scanner(string sheetData, string reason)
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["a"]);
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
        var ex = Assert.Throws<IngestException>(() => ReadRows(Save(book), fast: true));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("sheet1.xml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A1B")]
    [InlineData("ABCD1")]
    [InlineData("1A")]
    [InlineData("A-1")]
    [InlineData("")]
    public void A_cell_reference_that_is_not_letters_then_digits_is_refused_by_both_scanners(string reference)
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["a"]);
        book.Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1\"><c r=\"{reference}\" s=\"1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData></worksheet>");
        var path = Save(book);
        foreach (bool fast in new[] { true, false })
        {
            var ex = Assert.Throws<IngestException>(() => ReadRows(path, fast));
            Assert.Contains("not a valid A1-style reference", ex.Message, StringComparison.Ordinal);
        }
    }

    private sealed record ScannedRow(int Number, bool Hidden, CellValue[] Cells);

    private static void AssertSameRows(string path)
    {
        var slow = ReadRows(path, fast: false);
        var fast = ReadRows(path, fast: true);
        Assert.Equal(slow.Count, fast.Count);
        for (int i = 0; i < slow.Count; i++)
        {
            Assert.Equal(slow[i].Number, fast[i].Number);
            Assert.Equal(slow[i].Hidden, fast[i].Hidden);
            Assert.Equal(slow[i].Cells, fast[i].Cells);
        }
    }

    private static List<ScannedRow> ReadRows(string path, bool fast)
    {
        var rows = new List<ScannedRow>();
        using var package = ZipPackage.Open(path, Path.GetFileName(path));
        var workbook = WorkbookPart.Read(package, WorkbookPart.FindPartName(package));
        var strings = SharedStringTable.Read(package, workbook.SharedStringsPart);
        var styles = StyleTable.Read(package, workbook.StylesPart);
        foreach (var sheet in workbook.Sheets)
        {
            using ISheetRowSource source = fast
                ? Utf8SheetReader.TryCreate(package, sheet.PartName, sheet.Name, strings, styles, workbook.Date1904)!
                : new SheetRowReader(package, sheet.PartName, sheet.Name, strings, styles, workbook.Date1904);
            source.ReportHiddenRows = true;
            var row = new RowBuffer();
            while (source.ReadRow(row))
            {
                var cells = new CellValue[row.Width];
                for (int c = 0; c < row.Width; c++)
                    cells[c] = row.Get(c);
                rows.Add(new ScannedRow(row.RowNumber, row.Hidden, cells));
            }
        }
        return rows;
    }
}
