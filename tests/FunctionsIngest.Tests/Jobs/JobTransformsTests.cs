using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources;
using FunctionsIngest.Tests.Fixtures;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Jobs;

/// <summary>A job's transforms over a real opened source, the way a copy step runs them.</summary>
public sealed class JobTransformsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rows_are_transformed_filtered_and_quarantined_with_their_cell_and_counted()
    {
        var path = _dir.Write("book.xlsx", new XlsxBuilder()
            .SheetOfValues("Data", ["Id", "Amount", "Region"], [1, "10", "north"], [null, "20", "south"], [3, "x", "north"], [4, "40", "east"])
            .ToBytes());
        using var opened = TableSources.Open(new SourceDefinition { Path = "in/book.xlsx" }, path, "in/book.xlsx");
        TransformSpec[] transforms =
        [
            new RenameSpec("Amount", "amount"),
            new CastSpec("amount", ColumnType.Int64),
            new FilterSpec("Region", "!=") { Value = "east" },
            new RequiredSpec("Id"),
            new MetadataSpec(["_source_file", "_row"]),
        ];
        var quarantined = new List<object?[]>();

        using var table = JobTransforms.Apply(opened.Reader, transforms, opened.CreateContext("r1", DateTimeOffset.UnixEpoch),
            batch => quarantined.AddRange(ReadBatch(batch)));
        var rows = ReadAll(table);

        Assert.Equal(["Id", "amount", "Region", "_source_file", "_row"], Names(table));
        AssertRows([[1L, 10L, "north", "in/book.xlsx", 2L]], rows);
        Assert.Equal(["Id", "Amount", "Region", "_reason", "_source_row", "_cell"], table.QuarantineSchema.Columns.Select(c => c.Name));
        AssertRows(
        [
            [null, "20", "south", "column 'Id' is required but empty", 3L, "A3"],
            [3L, "x", "north", "column 'amount': 'x' cannot be converted to Int64", 4L, "B4"],
        ], quarantined);
        Assert.Equal(new TransformCounts(4, 1, 2, 1), table.Counts);
    }

    [Fact]
    public void Without_transforms_the_source_passes_through_and_a_failing_cast_names_the_file()
    {
        var path = _dir.Write("a.csv", "n\n1\nbad\n"u8.ToArray());
        using var opened = TableSources.Open(new SourceDefinition { Type = SourceTypes.Csv, Path = "in/a.csv", Schema = [new SchemaColumn("n", ColumnType.String)] }, path, "in/a.csv");
        var context = opened.CreateContext("r1", DateTimeOffset.UnixEpoch);

        using (var plain = JobTransforms.Apply(opened.Reader, null, context, null))
        {
            Assert.Equal(2, ReadAll(plain).Count);
            Assert.Equal(new TransformCounts(2, 2, 0, 0), plain.Counts);
            Assert.False(JobTransforms.CanQuarantine(null));
        }

        using var again = TableSources.Open(new SourceDefinition { Type = SourceTypes.Csv, Path = "in/a.csv", Schema = [new SchemaColumn("n", ColumnType.String)] }, path, "in/a.csv");
        using var failing = JobTransforms.Apply(again.Reader, [new CastSpec("n", ColumnType.Int64) { OnError = CastErrorMode.Fail }], context, null);
        var ex = Assert.Throws<IngestException>(() => ReadAll(failing));
        Assert.Equal("'in/a.csv', row 3, column 'n': 'bad' cannot be converted to Int64.", ex.Message);
    }

    private static IEnumerable<object?[]> ReadBatch(RecordBatch batch) =>
        Enumerable.Range(0, batch.RowCount).Select(r => batch.Columns.Select(c => ValueAt(c, r)).ToArray()).ToArray();
}
