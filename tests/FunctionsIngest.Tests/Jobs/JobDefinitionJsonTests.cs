using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Store.Sqlite.Mapping;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Tests.Jobs;

/// <summary>Job definitions as the store keeps them: old rows still load, new ones round-trip with their transforms.</summary>
public class JobDefinitionJsonTests
{
    [Fact]
    public void A_definition_stored_before_csv_json_and_transforms_still_loads_as_an_excel_job()
    {
        // Verbatim the shape StoreJson wrote before this change (web options: every property, nulls included).
        const string stored = """
            {"name":"sales","source":{"type":"excel","path":"in/sales/*.xlsx","sheet":"Data","headerRow":3,"incremental":true},
             "destination":{"path":"datasets/sales","compression":"gzip"},"schedule":null,"timeZone":null,"enabled":true,
             "overlap":"skip","catchUp":"once","retry":null}
            """;

        var job = StoreJson.DeserializeDefinition(stored);

        Assert.Equal(SourceTypes.Excel, job.Source.Type);
        Assert.Equal(("in/sales/*.xlsx", "Data", 3, true), (job.Source.Path, job.Source.Sheet, job.Source.HeaderRow, job.Source.Incremental));
        Assert.Null(job.Source.Delimiter);
        Assert.Null(job.Source.Schema);
        Assert.Null(job.Transforms);
        Assert.Null(job.Quarantine);
        Assert.Equal("datasets/sales_quarantine", QuarantineDefinition.For(job).Path);
        Assert.Equal("gzip", QuarantineDefinition.For(job).Compression);
    }

    [Fact]
    public void A_new_definition_round_trips_through_the_store_with_enums_as_text()
    {
        var job = new JobDefinition
        {
            Name = "events",
            Source = new SourceDefinition
            {
                Type = SourceTypes.Csv, Path = "in/e.csv", Delimiter = "\t", Encoding = "windows-1252", HeaderRow = null,
                Schema = [new SchemaColumn("day", ColumnType.Date, "dd/MM/yyyy", Nullable: false)],
            },
            Destination = new DestinationDefinition { Path = "datasets/e" },
            Transforms = [new CastSpec("n", ColumnType.Int64) { OnError = CastErrorMode.Null }, new RequiredSpec("id")],
            Quarantine = new QuarantineDefinition { Path = "rejects/e" },
        };

        var json = StoreJson.Serialize(job);
        var back = StoreJson.DeserializeDefinition(json);

        Assert.Contains("\"to\":\"Int64\"", json, StringComparison.Ordinal);
        Assert.Contains("\"onError\":\"Null\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"Date\"", json, StringComparison.Ordinal);
        Assert.Equal(IngestJson.Serialize(job), IngestJson.Serialize(back));
        Assert.Null(back.Source.HeaderRow);
        Assert.Equal("rejects/e", QuarantineDefinition.For(back).Path);
    }

    [Fact]
    public void A_transform_whose_type_is_not_its_first_property_deserializes()
    {
        var specs = IngestJson.Deserialize<List<TransformSpec>>("""
            [{"from":"a","type":"rename","to":"b"},{"column":"n","to":"int64","onError":"fail","type":"cast"}]
            """);

        Assert.Equal(new RenameSpec("a", "b"), specs[0]);
        Assert.Equal(new CastSpec("n", ColumnType.Int64) { OnError = CastErrorMode.Fail }, specs[1]);
    }

    [Fact]
    public void An_auto_header_row_survives_options_that_leave_nulls_out()
    {
        var job = new JobDefinition { Name = "j", Source = new SourceDefinition { Path = "in/a.xlsx", HeaderRow = null }, Destination = new DestinationDefinition { Path = "d" } };

        Assert.Null(IngestJson.Deserialize<JobDefinition>(IngestJson.Serialize(job)).Source.HeaderRow);
        Assert.Contains("\"source\":{\"type\":\"excel\",\"path\":\"in/a.xlsx\",\"sheet\":null,\"headerRow\":null,\"incremental\":false}", StoreJson.Serialize(job), StringComparison.Ordinal);
    }
}
