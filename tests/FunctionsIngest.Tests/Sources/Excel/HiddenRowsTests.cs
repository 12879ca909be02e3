using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>IncludeHiddenRows = false: rows with hidden="1" (or "true") are left out.</summary>
public class HiddenRowsTests : ExcelOptionsTestBase
{
    private static XlsxBuilder Book(string hiddenValue = "1")
    {
        var book = new XlsxBuilder();
        book.Sheet("S", Rows(book, [["k", "v"], ["a", 1], ["b", "hidden text"], ["c", 3], [], ["e", 5]], 3, 5).Replace("hidden=\"1\"", $"hidden=\"{hiddenValue}\"", StringComparison.Ordinal));
        return book;
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void Hidden_rows_are_skipped_and_do_not_affect_types(string hiddenValue)
    {
        using var reader = Open(Book(hiddenValue), new ExcelReadOptions { IncludeHiddenRows = false });
        Assert.Equal(FunctionsIngest.Data.ColumnType.Int64, Types(reader)[1]);
        AssertRows([Row("a", 1L), Row("c", 3L), Row("e", 5L)], ReadAll(reader));
    }

    [Fact]
    public void Hidden_rows_are_read_by_default()
    {
        using var reader = Open(Book());
        AssertRows([Row("a", "1"), Row("b", "hidden text"), Row("c", "3"), Row(null, null), Row("e", "5")], ReadAll(reader));
    }

    [Fact]
    public void A_row_marked_hidden_false_is_read()
    {
        using var reader = Open(Book("false"), new ExcelReadOptions { IncludeHiddenRows = false });
        Assert.Equal(5, ReadAll(reader).Count);
    }

    [Fact]
    public void A_hidden_row_is_not_taken_as_the_detected_header()
    {
        var book = new XlsxBuilder();
        book.Sheet("S", Rows(book, [["old", "header", "row"], ["a", "b", "c"], [1, 2, 3]], 1));
        using var reader = Open(book, new ExcelReadOptions { IncludeHiddenRows = false, HeaderRow = null });
        Assert.Equal(["a", "b", "c"], Names(reader));
    }

    [Fact]
    public void Hidden_rows_are_skipped_in_the_utf16_scanner_too()
    {
        var book = Book();
        var xml = $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>k</t></is></c></row><row r=\"2\" hidden=\"1\"><c r=\"A2\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>2</v></c></row></sheetData></worksheet>";
        book.Part("xl/worksheets/sheet1.xml", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + xml)).ToArray());
        using var reader = Open(book, new ExcelReadOptions { IncludeHiddenRows = false });
        AssertRows([Row(2L)], ReadAll(reader));
    }

    [Fact]
    public void Corpus_workbooks_without_hidden_rows_read_the_same_rows_either_way()
    {
        // Guards the .xls path, where hidden means "row height 0" in ExcelDataReader: ordinary rows must not look hidden.
        foreach (var file in Corpus.Files("*.xls").Concat(Corpus.Files("*.xlsx")))
        {
            int Count(bool includeHidden)
            {
                try
                {
                    using var reader = ExcelTableReader.Open(file, new ExcelReadOptions { IncludeHiddenRows = includeHidden });
                    return ReadAll(reader).Count;
                }
                catch (FunctionsIngest.Data.IngestException)
                {
                    return -1;
                }
            }
            Assert.True(Count(true) == Count(false), Path.GetFileName(file));
        }
    }
}
