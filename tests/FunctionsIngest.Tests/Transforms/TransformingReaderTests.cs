using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using FunctionsIngest.Sources.Json;
using FunctionsIngest.Tests.Fixtures;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Fixtures.TableReading;
using static FunctionsIngest.Tests.Transforms.Batches;

namespace FunctionsIngest.Tests.Transforms;

public sealed class TransformingReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Csv_through_transforms_numbers_rows_by_source_line_and_collects_quarantine()
    {
        var path = _dir.Write("orders.csv", Encoding.UTF8.GetBytes("id,qty,note\n1,5,a\n\n2,x,\"multi\nline\"\n3,-1,c\n4,7,d\n"));
        using var csv = CsvTableReader.Open(path, new CsvReadOptions { BatchSize = 2 });
        var specs = IngestJson.Deserialize<List<TransformSpec>>("""
            [{"type":"cast","column":"qty","to":"Int64"},
             {"type":"range","column":"qty","min":0},
             {"type":"filter","column":"id","op":"!=","value":4},
             {"type":"metadata","columns":["_row"]}]
            """);
        var pipeline = TransformPipeline.Create(csv.Schema, specs, new TransformContext());
        var quarantined = new List<object?[]>();
        using var reader = new TransformingTableReader(csv, pipeline, q => quarantined.AddRange(Rows(q)));
        Assert.Equal(["id", "qty", "note", "_row"], Names(reader.Schema));
        AssertRows([Row(1L, 5L, "a", 2L)], ReadAll(reader));
        AssertRows(
        [
            Row(2L, "x", "multi\nline", "column 'qty': 'x' cannot be converted to Int64", 4L),
            Row(3L, "-1", "c", "column 'qty': -1 is below the minimum 0", 6L),
        ], quarantined);
        Assert.Equal((4L, 1L, 2L, 1L), (pipeline.RowsRead, pipeline.RowsWritten, pipeline.RowsQuarantined, pipeline.RowsFiltered));
        Assert.Equal(1L, reader.RowsRead);
    }

    [Fact]
    public void Json_array_rows_are_numbered_by_record()
    {
        var path = _dir.Write("a.json", Encoding.UTF8.GetBytes("""[{"a":{"b":"x y"}},{"a":{"b":"p q"}}]"""));
        using var json = JsonTableReader.Open(path, new JsonReadOptions());
        var pipeline = TransformPipeline.Create(json.Schema, [new SplitSpec("a.b", " ", ["first", "second"]), new MetadataSpec(["_row"])], new TransformContext());
        using var reader = new TransformingTableReader(json, pipeline);
        AssertRows([Row("x", "y", 1L), Row("p", "q", 2L)], ReadAll(reader));
    }
}
