using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Xls;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.Biff8Builder;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// IncludeHiddenRows = false on a legacy .xls: rows whose ROW record marks them hidden are left out. ExcelDataReader
/// reports such a row with height 0, whether the record sets fDyZero (as Excel does) or has miyRw 0.
/// </summary>
public sealed class XlsHiddenRowsTests : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>Header on sheet row 1, data on rows 2–6, row 4 hidden.</summary>
    private string Book(Hiding hiding) => new Biff8Builder()
        .Row("id", "name")
        .Row(1, "ann")
        .Row(2, "bob")
        .HiddenRow(hiding, 3, "cid")
        .Row(4, "dee")
        .Row(5, "eve")
        .Save(_dir);

    private static object?[] Row(params object?[] values) => values;

    [Fact]
    public void The_built_workbook_is_read_as_xls()
    {
        using var reader = ExcelTableReader.Open(Book(Hiding.DyZeroFlag), new ExcelReadOptions());
        Assert.IsType<XlsTableReader>(reader);
        Assert.Equal("Sheet1", reader.SheetName);
        Assert.Equal(["id", "name"], Names(reader));
    }

    [Theory]
    [InlineData(Hiding.DyZeroFlag)]
    [InlineData(Hiding.ZeroHeight)]
    public void Hidden_rows_are_read_when_included(Hiding hiding)
    {
        using var reader = ExcelTableReader.Open(Book(hiding), new ExcelReadOptions { IncludeHiddenRows = true });
        AssertRows([Row(1L, "ann"), Row(2L, "bob"), Row(3L, "cid"), Row(4L, "dee"), Row(5L, "eve")], ReadAll(reader));
    }

    [Theory]
    [InlineData(Hiding.DyZeroFlag)]
    [InlineData(Hiding.ZeroHeight)]
    public void Hidden_rows_are_skipped_and_the_others_keep_their_values(Hiding hiding)
    {
        using var reader = ExcelTableReader.Open(Book(hiding), new ExcelReadOptions { IncludeHiddenRows = false });
        AssertRows([Row(1L, "ann"), Row(2L, "bob"), Row(4L, "dee"), Row(5L, "eve")], ReadAll(reader));
    }

    [Theory]
    [InlineData(Hiding.DyZeroFlag)]
    [InlineData(Hiding.ZeroHeight)]
    public void Rows_after_a_skipped_row_keep_their_sheet_row_numbers(Hiding hiding)
    {
        using var reader = ExcelTableReader.Open(Book(hiding), new ExcelReadOptions { IncludeHiddenRows = false });
        Assert.NotNull(reader.ReadNextBatch());
        Assert.Equal([2L, 3L, 5L, 6L], ((ISourceRowNumbers)reader).LastBatchRowNumbers.ToArray());
        Assert.Null(reader.ReadNextBatch());
    }

    public void Dispose() => _dir.Dispose();
}
