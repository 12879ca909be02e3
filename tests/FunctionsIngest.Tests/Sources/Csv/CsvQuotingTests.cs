using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

public class CsvQuotingTests : CsvTestBase
{
    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_every_newline_form()
    {
        var (names, types, rows) = Read("id,text\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\n3,\"line1\r\nline2\nline3\rline4\"\r4,plain\n");
        Assert.Equal(["id", "text"], names);
        Assert.Equal([ColumnType.Int64, ColumnType.String], types);
        AssertRows(
        [
            Row(1L, "a,b"),
            Row(2L, "say \"hi\""),
            Row(3L, "line1\r\nline2\nline3\rline4"),
            Row(4L, "plain"),
        ], rows);
    }

    [Fact]
    public void Backslash_escape_makes_the_next_character_literal()
    {
        var (_, _, rows) = Read("a,b\n\"x\\\"y\",\"c:\\\\dir\"\n", new CsvReadOptions { Escape = '\\' });
        AssertRows([Row("x\"y", "c:\\dir")], rows);
    }

    [Fact]
    public void Quoted_empty_is_an_empty_string_and_unquoted_empty_is_null()
    {
        var (_, types, rows) = Read("s,n\n\"\",\"\"\n,\nx,5\n");
        Assert.Equal([ColumnType.String, ColumnType.Int64], types);
        AssertRows([Row("", null), Row(null, null), Row("x", 5L)], rows);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_plain_text()
    {
        var (_, _, rows) = Read("a,b\n5\" disk,x\n");
        AssertRows([Row("5\" disk", "x")], rows);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_naming_the_line()
    {
        var path = WriteText("a,b\n1,2\n\"x\"y,3\n");
        var ex = Assert.Throws<IngestException>(() => Open(path));
        Assert.Equal("'data.csv', line 3: 'y' follows a closing quote; a quoted field must end at a delimiter or line end (double the quote to include it).", ex.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_naming_the_line_it_opened_on()
    {
        var path = WriteText("a,b\n1,2\n3,\"open\nmore\nlines\n");
        var ex = Assert.Throws<IngestException>(() => Open(path));
        Assert.Contains("line 3: a quoted field opened on this line is not closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_count_newlines_inside_quoted_fields()
    {
        var path = WriteText("a,b\n1,\"x\ny\nz\"\n2,3,4\n");
        var ex = Assert.Throws<IngestException>(() => Open(path));
        Assert.Equal("'data.csv', line 5: the record has 3 fields but the header has 2.", ex.Message);
        Assert.Equal("line 5", ex.Cell);
    }

    [Fact]
    public void Records_larger_than_the_read_buffer_are_parsed_whole()
    {
        var big = new string('x', 200_000);
        var (_, _, rows) = Read($"a,b\n\"{big}\",\"q\"\"{big}\"\n1,2\n");
        AssertRows([Row(big, "q\"" + big), Row("1", "2")], rows);
    }

    [Fact]
    public void Quoting_can_be_turned_off()
    {
        var (_, _, rows) = Read("a,b\n\"x,y\"\n", new CsvReadOptions { Quote = '\0' });
        AssertRows([Row("\"x", "y\"")], rows);
    }
}
