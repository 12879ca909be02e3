using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

public class CsvLayoutTests : CsvTestBase
{
    [Fact]
    public void Header_blanks_and_duplicates_are_named_like_the_excel_reader()
    {
        var (names, _, rows) = Read(" id ,,Name,name,NAME,\n1,2,3,4,5,6\n");
        Assert.Equal(["id", "column_2", "Name", "name_2", "NAME_3", "column_6"], names);
        AssertRows([Row(1L, 2L, 3L, 4L, 5L, 6L)], rows);
    }

    [Fact]
    public void Without_a_header_columns_are_numbered_and_as_wide_as_the_widest_record()
    {
        var (names, types, rows) = Read("1,a\n2,b,true\n", new CsvReadOptions { HasHeader = false });
        Assert.Equal(["column_1", "column_2", "column_3"], names);
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.Boolean], types);
        AssertRows([Row(1L, "a", null), Row(2L, "b", true)], rows);
    }

    [Fact]
    public void Skip_rows_drops_physical_lines_before_the_header_even_with_stray_quotes()
    {
        var (names, _, rows) = Read("Report \"Q1\nexported 2024-01-01\nid,v\n7,x\n", new CsvReadOptions { SkipRows = 2 });
        Assert.Equal(["id", "v"], names);
        AssertRows([Row(7L, "x")], rows);
    }

    [Fact]
    public void Blank_lines_are_skipped_anywhere_and_rows_keep_their_line_numbers()
    {
        using var reader = Open(WriteText("\n\na,b\n\n1,2\r\n\r\n3,4\n\n"));
        Assert.Equal(["a", "b"], Names(reader));
        var batch = reader.ReadNextBatch()!;
        Assert.Equal(2, batch.RowCount);
        Assert.Equal([5L, 7L], reader.LastBatchRowNumbers.ToArray());
        Assert.Equal([1L, 3L], ((PrimitiveVector<long>)batch.Columns[0]).Span.ToArray());
        Assert.Null(reader.ReadNextBatch());
        Assert.Equal(2, reader.RowsRead);
    }

    [Fact]
    public void Short_rows_read_missing_fields_as_null_with_a_warning()
    {
        using var reader = Open(WriteText("a,b,c\n1,2,3\n4\n5,6\n"));
        AssertRows([Row(1L, 2L, 3L), Row(4L, null, null), Row(5L, 6L, null)], ReadAll(reader));
        var warning = Assert.Single(reader.Warnings);
        Assert.Equal("2 records had fewer fields than the header (first at line 3); the missing fields were read as null.", warning.Message);
        Assert.Equal("line 3", warning.Location);
    }

    [Fact]
    public void Short_rows_are_an_error_when_not_allowed()
    {
        var path = WriteText("a,b,c\n1,2,3\n4,5\n");
        var ex = Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { AllowShortRows = false }));
        Assert.Equal("'data.csv', line 3: the record has 2 fields but the header has 3 (short rows are not allowed).", ex.Message);
    }

    [Fact]
    public void Extra_empty_trailing_fields_are_ignored_but_extra_values_are_an_error()
    {
        var (_, _, rows) = Read("a,b\n1,2,\n3,4,,\n");
        AssertRows([Row(1L, 2L), Row(3L, 4L)], rows);
        var path = WriteText("a,b\n1,2\n3,4,5\n", "long.csv");
        var ex = Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { DisplayName = "in/long.csv" }));
        Assert.Equal("'in/long.csv', line 3: the record has 3 fields but the header has 2.", ex.Message);
        Assert.Equal("in/long.csv", ex.File);
    }

    [Fact]
    public void An_empty_file_is_an_error_and_a_header_only_file_is_an_empty_table()
    {
        var empty = WriteText("\n\n", "empty.csv");
        Assert.Equal("'empty.csv' is empty: it has no header and no records, so it has no columns.",
            Assert.Throws<IngestException>(() => Open(empty)).Message);
        using var reader = Open(WriteText("a,b\n", "header.csv"));
        Assert.Equal(["a", "b"], Names(reader));
        Assert.Equal([ColumnType.String, ColumnType.String], Types(reader));
        Assert.Null(reader.ReadNextBatch());
        Assert.Equal(0, reader.RowsRead);
    }

    [Fact]
    public void Tab_and_semicolon_delimiters_and_auto_detection()
    {
        var (_, _, tsv) = Read("a\tb\n1,5\tx y\n", new CsvReadOptions { Delimiter = "\t" });
        AssertRows([Row("1,5", "x y")], tsv);
        var (names, _, auto) = Read("a;b;c\n1;\"x;y\";3\n4;5;6\n", new CsvReadOptions { Delimiter = "auto" });
        Assert.Equal(["a", "b", "c"], names);
        AssertRows([Row(1L, "x;y", 3L), Row(4L, "5", 6L)], auto);
    }

    [Fact]
    public void Batches_split_at_batch_size_and_cover_every_row()
    {
        using var reader = Open(WriteText("n\n" + string.Concat(Enumerable.Range(1, 10).Select(i => i + "\n"))), new CsvReadOptions { BatchSize = 4 });
        var sizes = new List<int>();
        var values = new List<long>();
        while (reader.ReadNextBatch() is { } batch)
        {
            sizes.Add(batch.RowCount);
            values.AddRange(((PrimitiveVector<long>)batch.Columns[0]).Span.ToArray());
        }
        Assert.Equal([4, 4, 2], sizes);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), values);
    }

    [Fact]
    public void Bad_delimiter_and_unknown_culture_options_are_errors()
    {
        var path = WriteText("a\n1\n");
        Assert.Equal("'data.csv': the delimiter ';;' is invalid; give one character (such as ',', ';', '\\t' or '|') or 'auto'.",
            Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { Delimiter = ";;" })).Message);
        Assert.Equal("'data.csv': the culture 'xx-NOPE' is not known; use a name such as 'en-US' or 'fr-FR', or leave it empty for the invariant culture.",
            Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { Culture = "xx-NOPE" })).Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_ahead_returns_the_same_batches_and_reports_an_error_with_the_batch_that_holds_it(bool readAhead)
    {
        var options = new CsvReadOptions { BatchSize = 2, ReadAhead = readAhead, Schema = [new FunctionsIngest.Sources.Text.ColumnOverride("n", ColumnType.Int64)] };
        using var reader = Open(WriteText("n,s\n1,a\n2,b\n3,c\n4,d\nfive,e\n6,f\n"), options);
        var first = reader.ReadNextBatch()!;
        Assert.Equal([1L, 2L], ((PrimitiveVector<long>)first.Columns[0]).Span.ToArray());
        Assert.Equal([2L, 3L], reader.LastBatchRowNumbers.ToArray());
        var second = reader.ReadNextBatch()!;
        Assert.Equal([3L, 4L], ((PrimitiveVector<long>)second.Columns[0]).Span.ToArray());
        Assert.Equal(new string?[] { "c", "d" }, ((StringVector)second.Columns[1]).Span.ToArray());
        Assert.Equal([4L, 5L], reader.LastBatchRowNumbers.ToArray());
        Assert.Equal(4, reader.RowsRead);
        var ex = Assert.Throws<IngestException>(() => reader.ReadNextBatch());
        Assert.Equal("'data.csv', line 6, column 'n': 'five' is not a valid Int64.", ex.Message);
        Assert.Null(reader.ReadNextBatch());
    }

    [Fact]
    public void A_missing_file_is_reported_by_display_name()
    {
        var ex = Assert.Throws<IngestException>(() => Open("/nonexistent/dir/x.csv", new CsvReadOptions { DisplayName = "x.csv" }));
        Assert.Equal("Source file 'x.csv' was not found.", ex.Message);
    }
}
