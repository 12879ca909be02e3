using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// The reader's own account of where its rows are (ISourceRowNumbers, ISheetCellLayout): per batch row the sheet row
/// and the sheet, and per sheet the letter of each schema column. Tiny batches cross sheet boundaries.
/// </summary>
public class SourceAddressTests : ExcelOptionsTestBase
{
    [Fact]
    public void Rows_keep_their_sheet_row_and_sheet_across_batches_hidden_rows_and_sheets_without_a_table()
    {
        var book = new XlsxBuilder();
        book.Sheet("A", Rows(book, [["k", "v"], ["a", 1], ["b", 2], ["c", 3], ["d", 4]], 3));
        book.SheetOfValues("Empty");
        book.SheetOfValues("B", ["Totals by rep"], [], [null, "v", "k"], [null, 5, "e"], [null, 6, "f"]);
        var options = new ExcelReadOptions { Sheets = ["A", "Empty", "B"], HeaderRow = null, IncludeHiddenRows = false, BatchSize = 2 };

        using var reader = Open(book, options);
        var batches = new List<(long[] Rows, int[] Sheets)>();
        while (reader.ReadNextBatch() is not null)
            batches.Add((reader.LastBatchRowNumbers.ToArray(), reader.LastBatchSheets.ToArray()));

        Assert.Equal(["_sheet", "k", "v"], reader.Schema.Columns.Select(c => c.Name));
        Assert.Equal([[null, "A", "B"], [null, "C", "B"]], reader.ColumnLettersBySheet);
        Assert.Equal([[2L, 4L], [5L, 4L], [5L]], batches.Select(b => b.Rows));
        Assert.Equal([[0, 0], [0, 1], [1]], batches.Select(b => b.Sheets));
    }

    [Fact]
    public void A_range_with_a_header_inside_it_numbers_rows_from_the_sheet_blank_rows_included()
    {
        var book = new XlsxBuilder().SheetOfValues("S",
            ["report"],
            [],
            [null, "ignored", "title"],
            [null, "id", "name"],
            [null, 1, "ann"],
            [],
            [null, 3, "cid"],
            ["outside", null, null, "outside"]);
        var options = new ExcelReadOptions { Range = "B3:C7", HeaderRow = 2 };

        using var reader = Open(book, options);
        Assert.NotNull(reader.ReadNextBatch());

        Assert.Equal([["B", "C"]], reader.ColumnLettersBySheet);
        Assert.Equal([5L, 6L, 7L], reader.LastBatchRowNumbers.ToArray());
        Assert.Equal([0, 0, 0], reader.LastBatchSheets.ToArray());
    }
}
