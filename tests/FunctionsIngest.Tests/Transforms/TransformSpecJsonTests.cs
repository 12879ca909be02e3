using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Tests.Transforms;

public class TransformSpecJsonTests
{
    public static TheoryData<string, TransformSpec> Cases => new()
    {
        { """{"type":"select","columns":["a","b"]}""", new SelectSpec(["a", "b"]) },
        { """{"type":"rename","from":"a","to":"b"}""", new RenameSpec("a", "b") },
        { """{"type":"cast","column":"p","to":"Double","format":"0.00","culture":"fr-FR","onError":"Null"}""", new CastSpec("p", ColumnType.Double) { Format = "0.00", Culture = "fr-FR", OnError = CastErrorMode.Null } },
        { """{"type":"split","column":"n","delimiter":" ","into":["f","l"],"keepSource":true}""", new SplitSpec("n", " ", ["f", "l"]) { KeepSource = true } },
        { """{"type":"join","columns":["f","l"],"into":"n","separator":" ","keepSources":false}""", new JoinSpec(["f", "l"], "n") { Separator = " " } },
        { """{"type":"constant","column":"v","value":"3","valueType":"Int64"}""", new ConstantSpec("v", "3") { ValueType = ColumnType.Int64 } },
        { """{"type":"metadata","columns":["_run_id","_row"]}""", new MetadataSpec(["_run_id", "_row"]) },
        { """{"type":"filter","column":"a","op":">=","value":"10"}""", new FilterSpec("a", ">=") { Value = "10" } },
        { """{"type":"required","column":"id"}""", new RequiredSpec("id") },
        { """{"type":"regex","column":"e","pattern":"^.+@.+$"}""", new RegexSpec("e", "^.+@.+$") },
        { """{"type":"range","column":"age","min":"0","max":"130"}""", new RangeSpec("age") { Min = "0", Max = "130" } },
        { """{"type":"allowed","column":"s","values":["A","B"]}""", new AllowedSpec("s", ["A", "B"]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_spec_type_round_trips_through_json(string json, TransformSpec expected)
    {
        var parsed = IngestJson.Deserialize<TransformSpec>(json);
        AssertSame(expected, parsed);
        var written = IngestJson.Serialize<TransformSpec>(parsed);
        AssertSame(expected, IngestJson.Deserialize<TransformSpec>(written));
        Assert.StartsWith($"{{\"type\":\"{expected.Kind}\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_booleans_are_accepted_where_a_value_is_text()
    {
        var list = IngestJson.Deserialize<List<TransformSpec>>("""
            [{"type":"range","column":"age","min":0,"max":1.5e2},
             {"type":"filter","column":"ok","op":"=","value":true},
             {"type":"cast","column":"d","to":"date","format":"dd.MM.yyyy"}]
            """);
        AssertSame(new RangeSpec("age") { Min = "0", Max = "1.5e2" }, list[0]);
        AssertSame(new FilterSpec("ok", "=") { Value = "true" }, list[1]);
        AssertSame(new CastSpec("d", ColumnType.Date) { Format = "dd.MM.yyyy" }, list[2]);
    }

    [Fact]
    public void The_type_discriminator_may_come_anywhere_with_the_product_json_options()
    {
        // IngestJson sets AllowOutOfOrderMetadataProperties; without it System.Text.Json throws NotSupportedException here.
        AssertSame(new RenameSpec("a", "b"), IngestJson.Deserialize<TransformSpec>("""{"from":"a","type":"rename","to":"b"}"""));
    }

    [Fact]
    public void An_unknown_type_is_a_json_error()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => IngestJson.Deserialize<TransformSpec>("""{"type":"explode","column":"a"}"""));
    }

    /// <summary>Records with list members compare lists by reference, so compare their JSON instead.</summary>
    private static void AssertSame(TransformSpec expected, TransformSpec actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(IngestJson.Serialize(expected), IngestJson.Serialize(actual));
    }
}
