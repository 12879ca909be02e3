using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>FillMergedCells: mergeCells (stored after sheetData) repeat the top-left value, and typing sees it.</summary>
public class MergedCellsTests : ExcelOptionsTestBase
{
    private static readonly ExcelReadOptions Fill = new() { FillMergedCells = true };

    private static XlsxBuilder Regions()
    {
        var book = new XlsxBuilder();
        var data = Rows(book, [["region", "city", "sales"], ["north", "oslo", 1], [null, "bergen", 2], [null, "tromsø", 3], ["south", "rome", 4]]);
        SheetWithMerges(book, 1, "S", data, "A2:A4");
        return book;
    }

    [Fact]
    public void Vertical_merges_repeat_the_value_down()
    {
        using var reader = Open(Regions(), Fill);
        AssertRows(
            [Row("north", "oslo", 1L), Row("north", "bergen", 2L), Row("north", "tromsø", 3L), Row("south", "rome", 4L)],
            ReadAll(reader));
    }

    [Fact]
    public void Without_the_option_only_the_top_left_cell_has_the_value()
    {
        using var reader = Open(Regions());
        Assert.Equal(["north", null, null, "south"], ReadAll(reader).Select(r => r[0]));
    }

    [Fact]
    public void A_horizontal_merge_takes_part_in_type_inference()
    {
        var book = new XlsxBuilder();
        // B2:C2 carries text into column C, whose own cells are numbers: C must become String, not Int64.
        var data = Rows(book, [["a", "b", "c"], [1, "n/a", null], [2, "x", 5]]);
        SheetWithMerges(book, 1, "S", data, "B2:C2");
        using (var plain = Open(book))
            Assert.Equal(ColumnType.Int64, Types(plain)[2]);
        using var reader = Open(book, Fill);
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.String], Types(reader));
        AssertRows([Row(1L, "n/a", "n/a"), Row(2L, "x", "5")], ReadAll(reader));
    }

    [Fact]
    public void A_merge_past_the_last_row_and_column_widens_the_table()
    {
        var book = new XlsxBuilder();
        var data = Rows(book, [["k", "v"], ["x", 1], ["y", 2]]);
        SheetWithMerges(book, 1, "S", data, "B3:C5");
        using var reader = Open(book, Fill);
        Assert.Equal(["k", "v", "column_3"], Names(reader));
        AssertRows([Row("x", 1L, null), Row("y", 2L, 2L), Row(null, 2L, 2L), Row(null, 2L, 2L)], ReadAll(reader));
    }

    [Fact]
    public void A_merged_header_names_every_column_it_covers()
    {
        var book = new XlsxBuilder();
        var data = Rows(book, [["id", "score", null, null], [1, 7, 8, 9]]);
        SheetWithMerges(book, 1, "S", data, "B1:D1");
        using var reader = Open(book, Fill);
        Assert.Equal(["id", "score", "score_2", "score_3"], Names(reader));
        AssertRows([Row(1L, 7L, 8L, 9L)], ReadAll(reader));
    }

    [Fact]
    public void A_title_merged_above_the_header_is_ignored_and_detection_still_works()
    {
        var book = new XlsxBuilder();
        var data = Rows(book, [["Report"], [], ["a", "b"], [1, 2]]);
        SheetWithMerges(book, 1, "S", data, "A1:B1");
        using var reader = Open(book, new ExcelReadOptions { FillMergedCells = true, HeaderRow = null });
        Assert.Equal(["a", "b"], Names(reader));
        AssertRows([Row(1L, 2L)], ReadAll(reader));
    }

    [Fact]
    public void Merges_are_filled_in_every_sheet_of_a_multi_sheet_read()
    {
        var book = new XlsxBuilder();
        var rows = new List<object?[]> { new object?[] { "group", "n" } };
        for (int i = 0; i < 3000; i++)
            rows.Add([i % 100 == 0 ? "g" + i / 100 : null, i]);
        var merges = Enumerable.Range(0, 30).Select(g => $"A{2 + g * 100}:A{101 + g * 100}").ToArray();
        SheetWithMerges(book, 1, "One", Rows(book, [.. rows]), merges);
        SheetWithMerges(book, 2, "Two", Rows(book, [["group", "n"], ["z", -1], [null, -2]]), "A2:A3");
        using var reader = Open(book, new ExcelReadOptions { FillMergedCells = true, Sheets = ["*"], BatchSize = 128 });
        var all = ReadAll(reader);
        Assert.Equal(3002, all.Count);
        for (int i = 0; i < 3000; i++)
            Assert.Equal("g" + i / 100, all[i][1]);
        Assert.Equal(Row("Two", "z", -2L), all[^1]);
    }

    [Fact]
    public void Merges_inside_a_range_are_clipped_to_it()
    {
        var book = new XlsxBuilder();
        var data = Rows(book, [["a", "b", "c"], ["x", null, null], [1, 2, 3]]);
        SheetWithMerges(book, 1, "S", data, "A2:C2");
        using var reader = Open(book, new ExcelReadOptions { FillMergedCells = true, Range = "A1:B3" });
        AssertRows([Row("x", "x"), Row("1", "2")], ReadAll(reader));
    }
}
