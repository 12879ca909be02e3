using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources;

public sealed class TableSourcesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_csv_source_maps_delimiter_culture_skip_rows_and_schema_onto_the_reader()
    {
        var path = _dir.Write("sales.csv", Encoding.UTF8.GetBytes("exported 2024\nid;amount;day\n007;1,5;03/02/2024\n008;2,25;04/02/2024\n"));
        var source = new SourceDefinition
        {
            Type = SourceTypes.Csv, Path = "in/sales.csv", Delimiter = ";", Culture = "fr-FR", SkipRows = 1,
            Schema = [new SchemaColumn("id", ColumnType.String), new SchemaColumn("day", ColumnType.Date, "dd/MM/yyyy")],
        };

        using var opened = TableSources.Open(source, path, "in/sales.csv");

        Assert.Null(opened.Sheet);
        Assert.Null(opened.ColumnLetters);
        Assert.Equal(["id", "amount", "day"], Names(opened.Reader));
        Assert.Equal([ColumnType.String, ColumnType.Double, ColumnType.Date], Types(opened.Reader));
        AssertRows([["007", 1.5, D(2024, 2, 3)], ["008", 2.25, D(2024, 2, 4)]], ReadAll(opened.Reader));
    }

    [Fact]
    public void A_tsv_file_defaults_to_tab_and_errors_name_the_display_name()
    {
        var path = _dir.Write("local-copy.tsv", Encoding.UTF8.GetBytes("a\tb\n1\tx\n"));
        var source = new SourceDefinition { Type = SourceTypes.Csv, Path = "in/*.tsv", Schema = [new SchemaColumn("missing", ColumnType.Int64)] };

        var ex = Assert.Throws<IngestException>(() => TableSources.Open(source, path, "in/2024/data.tsv"));

        Assert.Equal("'in/2024/data.tsv': the schema names column 'missing', which the file does not have. Columns: 'a', 'b'.", ex.Message);
        using var opened = TableSources.Open(source with { Schema = null }, path, "in/2024/data.tsv");
        Assert.Equal(["a", "b"], Names(opened.Reader));
    }

    [Fact]
    public void A_json_source_applies_declared_types_and_keeps_source_row_numbers()
    {
        var path = _dir.Write("events.ndjson", Encoding.UTF8.GetBytes("{\"id\":1,\"at\":\"05.01.2024\",\"user\":{\"name\":\"ann\"}}\n\n{\"id\":2,\"at\":\"06.01.2024\",\"user\":{\"name\":\"bob\"}}\n"));
        var source = new SourceDefinition
        {
            Type = SourceTypes.Json, Path = "in/events.ndjson", Layout = "lines",
            Schema = [new SchemaColumn("at", ColumnType.Date, "dd.MM.yyyy"), new SchemaColumn("id", ColumnType.String)],
        };

        using var opened = TableSources.Open(source, path, "in/events.ndjson");

        Assert.Equal(["id", "at", "user.name"], Names(opened.Reader));
        Assert.Equal([ColumnType.String, ColumnType.Date, ColumnType.String], Types(opened.Reader));
        AssertRows([["1", D(2024, 1, 5), "ann"], ["2", D(2024, 1, 6), "bob"]], ReadAll(opened.Reader));
        Assert.Equal([1L, 3L], ((FunctionsIngest.Sources.Text.ISourceRowNumbers)opened.Reader).LastBatchRowNumbers.ToArray());
    }

    [Fact]
    public void A_json_value_that_does_not_fit_the_declared_type_fails_naming_file_row_and_column()
    {
        var path = _dir.Write("e.json", Encoding.UTF8.GetBytes("[{\"at\":\"2024-01-05\"},{\"at\":\"soon\"}]"));
        var source = new SourceDefinition { Type = SourceTypes.Json, Path = "in/e.json", Schema = [new SchemaColumn("at", ColumnType.Date)] };

        using var opened = TableSources.Open(source, path, "in/e.json");
        var ex = Assert.Throws<IngestException>(() => ReadAll(opened.Reader));

        Assert.Equal("'in/e.json', row 2, column 'at': 'soon' cannot be converted to Date.", ex.Message);
        Assert.Equal("in/e.json", ex.File);
    }

    [Fact]
    public void A_json_column_declared_not_nullable_is_required_in_the_output_schema_and_a_missing_value_fails_naming_its_row()
    {
        var whole = _dir.Write("ok.json", Encoding.UTF8.GetBytes("[{\"id\":1,\"n\":\"a\"},{\"id\":2,\"n\":null}]"));
        var gap = _dir.Write("gap.ndjson", Encoding.UTF8.GetBytes("{\"id\":1}\n{\"n\":\"x\"}\n\n{\"id\":null}\n"));
        var source = new SourceDefinition { Type = SourceTypes.Json, Path = "in/*.json", Schema = [new SchemaColumn("id", ColumnType.Int64, null, false)] };

        using (var opened = TableSources.Open(source, whole, "in/ok.json"))
        {
            Assert.False(opened.Reader.Schema[0].Nullable);
            Assert.True(opened.Reader.Schema[1].Nullable);
            AssertRows([[1L, "a"], [2L, null]], ReadAll(opened.Reader));
        }
        using (var opened = TableSources.Open(source with { Layout = "lines" }, gap, "in/gap.ndjson"))
        {
            var ex = Assert.Throws<IngestException>(() => ReadAll(opened.Reader));
            Assert.Equal("'in/gap.ndjson', row 2, column 'id': the value is missing but the column is not nullable.", ex.Message);
            Assert.Equal(("in/gap.ndjson", "row 2", "id"), (ex.File, ex.Cell, ex.Column));
        }
    }

    [Fact]
    public void An_excel_source_reports_its_sheet_the_letters_of_its_columns_and_the_sheet_row_of_each_row()
    {
        var path = _dir.Write("book.xlsx", new XlsxBuilder()
            .SheetOfValues("Intro", ["nothing here"])
            .SheetOfValues("Data", ["title"], ["id", "name"], [1, "ann"], [2, "bob"])
            .ToBytes());
        var source = new SourceDefinition { Path = "in/book.xlsx", Sheet = "Data", HeaderRow = 2 };

        using var opened = TableSources.Open(source, path, "in/book.xlsx");

        Assert.Equal("Data", opened.Sheet);
        Assert.Equal("A", opened.ColumnLetters!.Find(0, "id"));
        Assert.Equal("B", opened.ColumnLetters!.Find(0, "NAME"));
        var context = opened.CreateContext("run-1", DateTimeOffset.UnixEpoch);
        Assert.Equal(("in/book.xlsx", "Data", "run-1"), (context.SourceFile, context.Sheet, context.RunId));
        Assert.Same(opened.ColumnLetters, context.ColumnLetters);
        var batch = opened.Reader.ReadNextBatch()!;
        AssertRows([[1L, "ann"], [2L, "bob"]], FunctionsIngest.Tests.Transforms.Batches.Rows(batch));
        Assert.Equal([3L, 4L], ((FunctionsIngest.Sources.Text.ISourceRowNumbers)opened.Reader).LastBatchRowNumbers.ToArray());
    }
}
