using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Typing;
using FunctionsIngest.Sources.Excel.Xlsx;

namespace FunctionsIngest.Tests.Sources.Excel;

public class SmallPartsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a_x000D_b", "a\rb")]
    [InlineData("a_x000d_b", "a\rb")]
    [InlineData("_x005F_x000D_", "_x000D_")]
    [InlineData("_x0041__x0042_", "AB")]
    [InlineData("_xD83D__xDE00_", "\U0001F600")]
    [InlineData("_x00G1_", "_x00G1_")]
    [InlineData("_x004", "_x004")]
    [InlineData("x_x0009_y", "x\ty")]
    public void Decodes_xstring_escapes(string input, string expected) =>
        Assert.Equal(expected, OoxmlEscapes.Decode(input));

    [Theory]
    [InlineData("A1", 0, 1)]
    [InlineData("Z9", 25, 9)]
    [InlineData("AA10", 26, 10)]
    [InlineData("XFD1048576", 16383, 1048576)]
    [InlineData("xfd3", 16383, 3)]
    [InlineData("XFE1", 16384, 1)]
    [InlineData("C", 2, 0)]
    public void Parses_cell_references(string text, int column, int row)
    {
        Assert.True(CellReference.TryParse(text, out int c, out int r));
        Assert.Equal((column, row), (c, r));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1A")]
    [InlineData("AAAA1")]
    [InlineData("A1B")]
    [InlineData("A-1")]
    public void Rejects_bad_cell_references(string text) =>
        Assert.False(CellReference.TryParse(text, out _, out _));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16383, "XFD")]
    public void Names_columns(int column, string name) => Assert.Equal(name, CellReference.ColumnName(column));

    [Fact]
    public void Header_names_are_generated_trimmed_and_made_unique()
    {
        var names = HeaderNames.Build(["amount", null, " amount ", "  ", "Amount", "column_2", "x"], firstSheetColumn: 0);
        Assert.Equal(["amount", "column_2", "amount_2", "column_4", "Amount_3", "column_2_2", "x"], names);
    }

    [Fact]
    public void Header_names_count_sheet_columns_from_the_first_kept_column()
    {
        Assert.Equal(["column_3", "b"], HeaderNames.Build([null, "b"], firstSheetColumn: 2));
    }

    [Theory]
    [InlineData("xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "../xl/worksheets/./sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("", "xl/workbook.xml", "xl/workbook.xml")]
    [InlineData("workbook.xml", "sheet%201.xml", "sheet 1.xml")]
    public void Resolves_relationship_targets(string source, string target, string expected) =>
        Assert.Equal(expected, PartNames.Resolve(source, target));

    [Fact]
    public void Rels_part_of_a_part()
    {
        Assert.Equal("xl/_rels/workbook.xml.rels", PartNames.RelsPartOf("xl/workbook.xml"));
        Assert.Equal("_rels/workbook.xml.rels", PartNames.RelsPartOf("workbook.xml"));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(123456789012.5, "123456789012.5")]
    [InlineData(1.6900000000000002, "1.6900000000000002")]
    public void Renders_numbers_as_shortest_round_trip_text(double value, string expected) =>
        Assert.Equal(expected, CellText.Number(value));
}
