using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources;
using FunctionsIngest.Tests.Fixtures;
using FunctionsIngest.Tests.Transforms;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// Quarantined Excel rows name the cell at fault as it is in the workbook, whatever the layout: "_source_row" is the
/// sheet's own row number and "_cell" the column letter in that sheet plus that row. Read the way a copy step reads.
/// </summary>
public class QuarantineAddressTests : ExcelOptionsTestBase
{
    [Fact]
    public void A_detected_header_below_a_title_keeps_the_sheet_row_numbers()
    {
        var book = new XlsxBuilder().SheetOfValues("S",
            ["Orders, week 12"],
            [],
            ["id", "amount"],
            [1, 10],
            [2, 500],
            [3, 30],
            [4, 900]);

        var addresses = QuarantineAddresses(Save(book), new SourceDefinition { Path = "in/book.xlsx", HeaderRow = null }, "id",
            new RangeSpec("amount") { Max = "100" });

        Assert.Equal([(2L, 5L, "B5"), (4L, 7L, "B7")], addresses);
    }

    [Fact]
    public void A_range_addresses_cells_by_their_sheet_column_and_row()
    {
        var book = new XlsxBuilder().SheetOfValues("S",
            ["Export of 2024-03-01"],
            [],
            [null, null, "id", "status", "qty"],
            [null, null, 1, "open", 5],
            ["note", null, 2, "lost", 6],
            [null, null, 3, "closed", 7],
            [null, null, 4, "open", null, null, null, "aside"]);
        var source = new SourceDefinition { Path = "in/book.xlsx", Range = "C3:E20" };

        var addresses = QuarantineAddresses(Save(book), source, "id",
            new AllowedSpec("status", ["open", "closed"]), new RequiredSpec("qty"));

        Assert.Equal([(2L, 5L, "D5"), (4L, 7L, "E7")], addresses);
    }

    [Fact]
    public void A_table_starting_right_of_column_a_gets_its_own_letters()
    {
        var book = new XlsxBuilder().SheetOfValues("S",
            [null, "id", "code"],
            [null, 1, "AB-1"],
            [null, 2, "ab-2"],
            [null, 3, "AB-3"]);

        var addresses = QuarantineAddresses(Save(book), new SourceDefinition { Path = "in/book.xlsx" }, "id",
            new RegexSpec("code", "^[A-Z]+-\\d+$"));

        Assert.Equal([(2L, 3L, "C3")], addresses);
    }

    [Fact]
    public void Skipped_hidden_rows_do_not_shift_the_row_numbers()
    {
        var book = new XlsxBuilder();
        book.Sheet("S", Rows(book, [["id", "qty"], [1, 5], [2, -1], [3, -2], [4, -3], [5, -4]], 3, 5));
        var source = new SourceDefinition { Path = "in/book.xlsx", IncludeHiddenRows = false };

        var addresses = QuarantineAddresses(Save(book), source, "id", new RangeSpec("qty") { Min = "0" });

        Assert.Equal([(3L, 4L, "B4"), (5L, 6L, "B6")], addresses);
    }

    [Fact]
    public void Each_sheet_addresses_a_column_by_its_own_letter_and_rows()
    {
        var book = new XlsxBuilder()
            .SheetOfValues("Sales Jan", ["region", "amount"], ["north", 10], ["south", -5])
            .SheetOfValues("Sales Empty")
            .SheetOfValues("Sales Feb", ["rep", "region", "note", "amount"], ["ann", "east", "x", 30], ["bob", "west", "y", -7], [null, "east", "z", 40]);
        var source = new SourceDefinition { Path = "in/book.xlsx", Sheets = ["Sales *"] };

        var addresses = QuarantineAddresses(Save(book), source, "_sheet",
            new RangeSpec("amount") { Min = "0" }, new RequiredSpec("rep"));

        // "rep" is not a column of Sales Jan: its rows break the rule on no cell.
        Assert.Equal(
        [
            ("Sales Jan", 2L, null),
            ("Sales Jan", 3L, "B3"),
            ("Sales Feb", 3L, "D3"),
            ("Sales Feb", 4L, "A4"),
        ], addresses);
    }

    [Theory]
    [InlineData("geometry.xlsx")]
    [InlineData("geometry.xls")]
    public void Corpus_table_offset_from_column_a_under_a_detected_header(string file)
    {
        // Sheet1 holds its table in B3:D6: var1..var3 over aa/bb/cc, dd/ee/ff, gg/hh/ii.
        var source = new SourceDefinition { Path = "in/" + file, Sheet = "Sheet1", HeaderRow = null };

        var addresses = QuarantineAddresses(Corpus.File(file), source, "var1", new AllowedSpec("var2", ["bb", "hh"]));

        Assert.Equal([("dd", 5L, "C5")], addresses);
    }

    [Theory]
    [InlineData("deaths.xlsx")]
    [InlineData("deaths.xls")]
    public void Corpus_range_cut_out_of_notes(string file)
    {
        // arts: B5:F15 is Profession, Age, Has kids and the two dates; Harper Lee (row 13) is an author, Zsa Zsa Gábor (row 14) was 99.
        var source = new SourceDefinition { Path = "in/" + file, Sheet = "arts", Range = "B5:F15" };

        var addresses = QuarantineAddresses(Corpus.File(file), source, "Age",
            new AllowedSpec("Profession", ["musician", "actor"]), new RangeSpec("Age") { Max = "90" });

        Assert.Equal([(89L, 13L, "B13"), (99L, 14L, "C14")], addresses);
    }

    /// <summary>Each quarantined row as (its <paramref name="keyColumn"/> value, "_source_row", "_cell"); "_cell" is null when absent.</summary>
    private static List<(object? Key, long Row, string? Cell)> QuarantineAddresses(string path, SourceDefinition source, string keyColumn,
        params TransformSpec[] transforms)
    {
        using var opened = TableSources.Open(source, path, source.Path);
        var quarantined = new List<object?[]>();
        using var table = JobTransforms.Apply(opened.Reader, transforms, opened.CreateContext("r1", DateTimeOffset.UnixEpoch),
            batch => quarantined.AddRange(Batches.Rows(batch)));
        ReadAll(table);
        var names = table.QuarantineSchema.Columns.Select(c => c.Name).ToList();
        int key = names.IndexOf(keyColumn), row = names.IndexOf("_source_row"), cell = names.IndexOf("_cell");
        return quarantined.Select(q => (q[key], (long)q[row]!, cell < 0 ? null : (string?)q[cell])).ToList();
    }
}
