using FunctionsIngest.Data;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

public class XlsxCellFormsTests : XlsxTestBase
{
    [Fact]
    public void Reads_every_cell_type()
    {
        var book = new XlsxBuilder();
        book.Part("xl/sharedStrings.xml",
            $"<sst xmlns=\"{XlsxBuilder.Main}\"><si><t>name</t></si>" +
            "<si><r><rPr><b/></rPr><t>Bo</t></r><r><t xml:space=\"preserve\">ld </t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>" +
            "<si><t>line_x000D_break_x005F_x0041_</t></si><si/><si><t>  spaced  </t></si></sst>");
        book.Sheet("S",
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>" +
            "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c></row>" +
            "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c></row>" +
            "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>4</v></c></row>" +
            "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is>\n  <r><t>in</t></r>\n  <r><t>line</t></r>\n</is></c></row>" +
            "<row r=\"7\"><c r=\"A7\" t=\"str\"><f>A1&amp;\"x\"</f><v>namex_x0009_</v></c></row>" +
            "<row r=\"8\"><c r=\"A8\" t=\"n\"><v> 12.5 </v></c></row>" +
            "<row r=\"9\"><c r=\"A9\" t=\"b\"><v>true</v></c></row>" +
            "<row r=\"10\"><c r=\"A10\" t=\"d\"><v>2000-01-01T00:00:00.33333333</v></c></row>" +
            "<row r=\"11\"><c r=\"A11\" t=\"inlineStr\"><is><t><![CDATA[<cdata> & ok]]></t></is></c></row>" +
            "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>&lt;ent&gt; &#x263A; &amp;</t></is></c></row>");
        using var reader = Open(book);
        Assert.Equal([ColumnType.String], Types(reader));
        Assert.Equal(["name"], Names(reader));
        Assert.Equal(
            ["Bold ", "line\rbreak_x0041_", null, "  spaced  ", "inline", "namex\t", "12.5", "TRUE", "2000-01-01T00:00:00.333", "<cdata> & ok", "<ent> \u263A &"],
            ReadAll(reader).Select(r => r[0]).ToArray());
    }

    [Fact]
    public void Cells_out_of_column_order_land_in_their_columns()
    {
        // Excel writes cells left to right; other writers need not. Rows in order and out of order side by side.
        var book = new XlsxBuilder();
        book.Sheet("S",
            "<row r=\"1\">" + book.Cell("A1", "a") + book.Cell("B1", "b") + book.Cell("C1", "c") + "</row>" +
            "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>3</v></c></row>" +
            "<row r=\"3\"><c r=\"C3\"><v>6</v></c><c r=\"A3\"><v>4</v></c><c r=\"B3\"><v>5</v></c></row>" +
            "<row r=\"4\"><c r=\"B4\"><v>8</v></c><c r=\"A4\"><v>7</v></c></row>" +
            "<row r=\"5\"><c r=\"B5\"><v>11</v></c></row>");
        using var reader = Open(book);
        AssertRows([Row(1L, null, 3L), Row(4L, 5L, 6L), Row(7L, 8L, null), Row(null, 11L, null)], ReadAll(reader));
    }

    [Fact]
    public void Errors_and_formulas_without_values_are_null_with_warnings()
    {
        var book = new XlsxBuilder();
        book.Sheet("Calc",
            "<row r=\"1\">" + book.Cell("A1", "a") + book.Cell("B1", "b") + "</row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"B2\"><f>1+1</f></c></row>" +
            "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\"><f>1+1</f><v/></c></row>" +
            "<row r=\"4\"><c r=\"A4\" t=\"e\"><f>NA()</f><v>#N/A</v></c><c r=\"B4\" t=\"str\"><f>A2 + B2</f></c></row>" +
            "<row r=\"5\"><c r=\"A5\"><v>2</v></c><c r=\"B5\"><f>3</f><v>3</v></c></row>");
        using var reader = Open(book);
        Assert.Equal([ColumnType.Int64, ColumnType.Int64], Types(reader));
        AssertRows([Row(null, null), Row(1L, null), Row(null, null), Row(2L, 3L)], ReadAll(reader));
        Assert.Equal(["Calc!A2", "Calc!B2", "Calc!B3", "Calc!A4", "Calc!B4"], reader.Warnings.Select(w => w.Location ?? "").ToArray());
        Assert.Contains("#DIV/0!", reader.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("no cached value", reader.Warnings[1].Message, StringComparison.Ordinal);
        Assert.Equal(5, reader.WarningCount);
    }

    [Fact]
    public void Warnings_past_the_first_hundred_are_counted()
    {
        var book = new XlsxBuilder();
        var rows = "<row r=\"1\">" + book.Cell("A1", "a") + "</row>" +
            string.Concat(Enumerable.Range(2, 150).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"e\"><v>#REF!</v></c></row>"));
        book.Sheet("S", rows);
        using var reader = Open(book);
        Assert.Equal(150, reader.WarningCount);
        Assert.Equal(101, reader.Warnings.Count);
        Assert.Equal("S!A101", reader.Warnings[99].Location);
        Assert.Contains("50 more", reader.Warnings[100].Message, StringComparison.Ordinal);
        Assert.All(ReadAll(reader), r => Assert.Null(r[0]));
    }

    [Fact]
    public void Rows_and_cells_without_references_follow_their_predecessors()
    {
        var book = new XlsxBuilder();
        book.Sheet("S",
            "<row>" + book.Cell("A1", "a").Replace(" r=\"A1\"", "", StringComparison.Ordinal) + "<c t=\"s\"><v>" + book.SharedString("b") + "</v></c></row>" +
            "<row><c><v>1</v></c><c><v>2</v></c></row>" +
            "<row r=\"5\"><c r=\"B5\"><v>4</v></c><c><v>5</v></c></row>" +
            "<row><c><v>6</v></c></row>");
        using var reader = Open(book);
        Assert.Equal(["a", "b", "column_3"], Names(reader));
        AssertRows([Row(1L, 2L, null), Row(null, null, null), Row(null, null, null), Row(null, 4L, 5L), Row(6L, null, null)], ReadAll(reader));
    }

    [Fact]
    public void Cells_are_placed_by_column_and_repeated_rows_are_merged()
    {
        var book = new XlsxBuilder();
        book.Sheet("S",
            "<row r=\"1\">" + book.Cell("C1", "c") + book.Cell("A1", "a") + "</row><row r=\"1\">" + book.Cell("B1", "b") + "</row>" +
            "<row r=\"2\"><c r=\"C2\"><v>3</v></c><c r=\"A2\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row>");
        using var reader = Open(book);
        Assert.Equal(["a", "b", "c"], Names(reader));
        AssertRows([Row(1L, 2L, 3L)], ReadAll(reader));
    }

    [Fact]
    public void Prefixed_elements_and_strict_namespaces_are_read()
    {
        const string strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
        const string strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
        var book = new XlsxBuilder { StylesXml = null, OmitSharedStrings = true };
        book.Part("_rels/.rels", $"<!--comment--><pr:Relationships xmlns:pr=\"{XlsxBuilder.PkgRelNs}\"><pr:Relationship Id=\"a\" Type=\"{strictRel}/officeDocument\" Target=\"/xl/workbook.xml\"/></pr:Relationships>");
        book.Part("xl/workbook.xml", $"<x:workbook xmlns:x=\"{strictMain}\" xmlns:q=\"{strictRel}\"><x:workbookPr date1904=\"true\"/><x:sheets><x:sheet name=\"Strict\" sheetId=\"1\" q:id=\"s1\"/></x:sheets></x:workbook>");
        book.Part("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{XlsxBuilder.PkgRelNs}\"><Relationship Id=\"s1\" Type=\"{strictRel}/worksheet\" Target=\"data/First.xml\"/><Relationship Id=\"st\" Type=\"{strictRel}/styles\" Target=\"styles.xml\"/></Relationships>");
        book.Part("xl/styles.xml", $"<x:styleSheet xmlns:x=\"{strictMain}\"><x:cellXfs><x:xf numFmtId=\"0\"/><x:xf numFmtId=\"14\"/></x:cellXfs></x:styleSheet>");
        book.Part("xl/data/First.xml", $"<x:worksheet xmlns:x=\"{strictMain}\"><x:sheetData><x:row x:r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>when</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\" s=\"1\"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>");
        using var reader = Open(book);
        Assert.Equal("Strict", reader.SheetName);
        Assert.Equal(["when"], Names(reader));
        AssertRows([Row(D(1904, 1, 1))], ReadAll(reader));
    }

    [Fact]
    public void Part_names_match_case_insensitively_and_utf16_parts_are_read()
    {
        var book = new XlsxBuilder();
        book.Sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        book.Without("xl/sharedStrings.xml");
        var sst = $"<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst xmlns=\"{XlsxBuilder.Main}\"><si><t>h</t></si><si><t>ünï</t></si></sst>";
        book.Part("XL/SharedStrings.XML", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(sst)]);
        using var reader = Open(book);
        AssertRows([Row("ünï")], ReadAll(reader));
    }

    [Fact]
    public void Workbooks_without_styles_or_shared_strings_read_numbers_and_inline_text()
    {
        var book = new XlsxBuilder { StylesXml = null, OmitSharedStrings = true };
        book.Sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>n</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"7\"><v>44197</v></c></row>");
        using var reader = Open(book);
        AssertRows([Row(44197L)], ReadAll(reader));
    }
}
