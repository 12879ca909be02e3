using FunctionsIngest.Data;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Fixtures.TableReading;
using static FunctionsIngest.Tests.Transforms.Batches;

namespace FunctionsIngest.Tests.Transforms;

public class ColumnTransformTests
{
    private static readonly TableSchema Input = Schema(("id", ColumnType.Int64), ("name", ColumnType.String), ("price", ColumnType.String), ("day", ColumnType.Date));

    private static readonly object?[][] Data =
    [
        [1L, "Ada Lovelace", "1,5", D(2024, 1, 31)],
        [2L, null, "2", null],
        [3L, "Alan Mathison Turing", null, D(2024, 2, 29)],
    ];

    [Fact]
    public void Select_keeps_listed_columns_in_order_and_rename_renames()
    {
        var pipeline = Pipeline(Input, null, new RenameSpec("name", "full_name"), new SelectSpec(["day", "FULL_NAME"]));
        Assert.Equal(["day", "full_name"], Names(pipeline.OutputSchema));
        Assert.Equal([ColumnType.Date, ColumnType.String], Types(pipeline.OutputSchema));
        AssertRows([Row(D(2024, 1, 31), "Ada Lovelace"), Row(null, null), Row(D(2024, 2, 29), "Alan Mathison Turing")],
            Rows(pipeline.Process(Make(Input, Data)).Output));
    }

    [Fact]
    public void Cast_parses_text_with_a_culture_and_renders_typed_values_as_text()
    {
        var pipeline = Pipeline(Input, null,
            new CastSpec("price", ColumnType.Double) { Culture = "fr-FR" },
            new CastSpec("day", ColumnType.String) { Format = "dd/MM/yyyy" },
            new CastSpec("id", ColumnType.Double));
        Assert.Equal([ColumnType.Double, ColumnType.String, ColumnType.Double, ColumnType.String], Types(pipeline.OutputSchema));
        AssertRows(
        [
            Row(1.0, "Ada Lovelace", 1.5, "31/01/2024"),
            Row(2.0, null, 2.0, null),
            Row(3.0, "Alan Mathison Turing", null, "29/02/2024"),
        ], Rows(pipeline.Process(Make(Input, Data)).Output));
    }

    [Fact]
    public void Cast_between_dates_timestamps_and_booleans()
    {
        var input = Schema(("ts", ColumnType.Timestamp), ("d", ColumnType.Date), ("flag", ColumnType.String), ("n", ColumnType.Int64));
        var pipeline = Pipeline(input, null,
            new CastSpec("ts", ColumnType.Date), new CastSpec("d", ColumnType.Timestamp),
            new CastSpec("flag", ColumnType.Boolean) { Format = "Y|N" }, new CastSpec("n", ColumnType.Boolean));
        var batch = Make(input, [Ts(2024, 3, 1, 23, 59), D(2024, 3, 2), "y", 1L], [Ts(1969, 12, 31, 12), D(1970, 1, 1), "N", 0L]);
        AssertRows([Row(D(2024, 3, 1), Ts(2024, 3, 2), true, true), Row(D(1969, 12, 31), Ts(1970, 1, 1), false, false)],
            Rows(pipeline.Process(batch).Output));
    }

    [Fact]
    public void Cast_failures_quarantine_by_default_or_become_null_or_fail()
    {
        var input = Schema(("v", ColumnType.String));
        var batch = Make(input, ["7"], ["seven"], ["8"]);

        var quarantine = Pipeline(input, null, new CastSpec("v", ColumnType.Int64));
        var result = quarantine.Process(batch);
        AssertRows([Row(7L), Row(8L)], Rows(result.Output));
        AssertRows([Row("seven", "column 'v': 'seven' cannot be converted to Int64", 2L)], Rows(result.Quarantine));

        var nulls = Pipeline(input, null, new CastSpec("v", ColumnType.Int64) { OnError = CastErrorMode.Null });
        AssertRows([Row(7L), Row((object?)null), Row(8L)], Rows(nulls.Process(batch).Output));

        var fail = Pipeline(input, new TransformContext { FirstRowNumber = 10 }, new CastSpec("v", ColumnType.Int64) { OnError = CastErrorMode.Fail });
        var ex = Assert.Throws<IngestException>(() => fail.Process(batch));
        Assert.Equal("Row 11, column 'v': 'seven' cannot be converted to Int64.", ex.Message);
    }

    [Fact]
    public void Split_replaces_the_source_with_parts_and_the_last_part_takes_the_rest()
    {
        var pipeline = Pipeline(Input, null, new SplitSpec("name", " ", ["first", "last"]));
        Assert.Equal(["id", "first", "last", "price", "day"], Names(pipeline.OutputSchema));
        var rows = Rows(pipeline.Process(Make(Input, Data)).Output);
        Assert.Equal(Row(1L, "Ada", "Lovelace", "1,5", D(2024, 1, 31)), rows[0]);
        Assert.Equal(Row(2L, null, null, "2", null), rows[1]);
        Assert.Equal(Row(3L, "Alan", "Mathison Turing", null, D(2024, 2, 29)), rows[2]);
        var three = Pipeline(Schema(("s", ColumnType.String)), null, new SplitSpec("s", "-", ["a", "b", "c"]) { KeepSource = true });
        AssertRows([Row("x-y", "x", "y", null)], Rows(three.Process(Make(Schema(("s", ColumnType.String)), ["x-y"])).Output));
    }

    [Fact]
    public void Join_renders_values_skips_nulls_and_takes_the_first_source_place()
    {
        var pipeline = Pipeline(Input, null, new JoinSpec(["day", "id", "price"], "key") { Separator = "|" });
        Assert.Equal(["key", "name"], Names(pipeline.OutputSchema));
        AssertRows(
        [
            Row("2024-01-31|1|1,5", "Ada Lovelace"),
            Row("2|2", null),
            Row("2024-02-29|3", "Alan Mathison Turing"),
        ], Rows(pipeline.Process(Make(Input, Data)).Output).Select(r => new[] { r[0], r[1] }).ToList());
        var kept = Pipeline(Input, null, new JoinSpec(["name", "price"], "np") { KeepSources = true });
        Assert.Equal(["id", "name", "price", "day", "np"], Names(kept.OutputSchema));
        Assert.Equal("Ada Lovelace1,5", Rows(kept.Process(Make(Input, Data)).Output)[0][4]);
    }
}
