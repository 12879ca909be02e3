using FunctionsIngest.Data;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Fixtures.TableReading;
using static FunctionsIngest.Tests.Transforms.Batches;

namespace FunctionsIngest.Tests.Transforms;

public class RowTransformTests
{
    private static readonly TableSchema Input = Schema(("id", ColumnType.Int64), ("status", ColumnType.String), ("amount", ColumnType.Double), ("day", ColumnType.Date));

    private static RecordBatch Data() => Make(Input,
        [1L, "open", 10.0, D(2024, 1, 1)],
        [2L, "closed", -5.0, D(2024, 6, 30)],
        [3L, null, 250.0, null],
        [4L, "Open-ish", null, D(2023, 12, 31)]);

    private static long[] Ids(TransformOutput result) => Rows(result.Output).Select(r => (long)r[0]!).ToArray();

    [Theory]
    [InlineData("amount", "=", "10", new long[] { 1 })]
    [InlineData("amount", "!=", "10", new long[] { 2, 3, 4 })]
    [InlineData("amount", "<", "10", new long[] { 2 })]
    [InlineData("amount", "<=", "10", new long[] { 1, 2 })]
    [InlineData("amount", ">", "10", new long[] { 3 })]
    [InlineData("day", ">=", "2024-01-01", new long[] { 1, 2 })]
    [InlineData("status", "contains", "pen", new long[] { 1, 4 })]
    [InlineData("status", "startsWith", "Open", new long[] { 4 })]
    [InlineData("status", "isNull", null, new long[] { 3 })]
    [InlineData("amount", "notNull", null, new long[] { 1, 2, 3 })]
    public void Filter_keeps_rows_where_the_predicate_holds(string column, string op, string? value, long[] kept)
    {
        var pipeline = Pipeline(Input, null, new FilterSpec(column, op) { Value = value });
        var result = pipeline.Process(Data());
        Assert.Equal(kept, Ids(result));
        Assert.Null(result.Quarantine);
        Assert.Equal(4 - kept.Length, pipeline.RowsFiltered);
    }

    [Fact]
    public void Constant_and_metadata_columns_take_values_from_the_context_and_source_rows()
    {
        var context = new TransformContext
        {
            RunId = "run-42", IngestedAt = new DateTimeOffset(2024, 5, 6, 9, 30, 0, TimeSpan.FromHours(2)),
            SourceFile = "in/sales.xlsx", Sheet = "Q1", FirstRowNumber = 2,
        };
        var pipeline = Pipeline(Input, context, new SelectSpec(["id"]), new ConstantSpec("region", "EU"),
            new ConstantSpec("version", "3") { ValueType = ColumnType.Int64 },
            new MetadataSpec(["_run_id", "_ingested_at", "_source_file", "_sheet", "_row"]));
        Assert.Equal(["id", "region", "version", "_run_id", "_ingested_at", "_source_file", "_sheet", "_row"], Names(pipeline.OutputSchema));
        Assert.Equal(ColumnType.Timestamp, pipeline.OutputSchema[4].Type);
        var first = Rows(pipeline.Process(Make(Input, [1L, "a", 1.0, null], [2L, "b", 2.0, null])).Output);
        var second = Rows(pipeline.Process(Make(Input, [3L, "c", 3.0, null])).Output);
        var at = Ts(2024, 5, 6, 7, 30);
        AssertRows(
        [
            Row(1L, "EU", 3L, "run-42", at, "in/sales.xlsx", "Q1", 2L),
            Row(2L, "EU", 3L, "run-42", at, "in/sales.xlsx", "Q1", 3L),
            Row(3L, "EU", 3L, "run-42", at, "in/sales.xlsx", "Q1", 4L),
        ], [.. first, .. second]);
        var numbered = Pipeline(Input, context, new SelectSpec(["id"]), new MetadataSpec(["_row"]));
        AssertRows([Row(1L, 17L), Row(2L, 19L)], Rows(numbered.Process(Make(Input, [1L, "a", 1.0, null], [2L, "b", 2.0, null]), [17, 19]).Output));
    }

    [Fact]
    public void Validation_rules_send_failing_rows_to_quarantine_with_reason_source_row_and_cell()
    {
        var context = new TransformContext { FirstRowNumber = 2, ColumnLetters = new SheetColumnLetters(["id", "status", "amount", "day"], [["A", "B", "C", "D"]]) };
        var pipeline = Pipeline(Input, context,
            new RenameSpec("status", "state"),
            new RequiredSpec("state"),
            new RangeSpec("amount") { Min = "0", Max = "100" },
            new AllowedSpec("state", ["open", "closed"]),
            new RegexSpec("state", "^[a-z]+$"));
        var result = pipeline.Process(Data());
        Assert.Equal([1L], Ids(result));
        Assert.Equal(["id", "status", "amount", "day", "_reason", "_source_row", "_cell"], Names(pipeline.QuarantineSchema));
        AssertRows(
        [
            Row(2L, "closed", -5.0, D(2024, 6, 30), "column 'amount': -5 is below the minimum 0", 3L, "C3"),
            Row(3L, null, 250.0, null, "column 'state' is required but empty", 4L, "B4"),
            Row(4L, "Open-ish", null, D(2023, 12, 31), "column 'state': 'Open-ish' is not one of the allowed values", 5L, "B5"),
        ], Rows(result.Quarantine));
        Assert.Equal((4L, 1L, 3L, 0L), (pipeline.RowsRead, pipeline.RowsWritten, pipeline.RowsQuarantined, pipeline.RowsFiltered));
    }

    [Fact]
    public void The_cell_takes_the_letter_the_column_has_in_the_rows_own_sheet()
    {
        var input = Schema(("_sheet", ColumnType.String), ("amount", ColumnType.Double), ("rep", ColumnType.String));
        var letters = new SheetColumnLetters(["_sheet", "amount", "rep"], [[null, "B", null], [null, "D", "A"]]);
        var pipeline = Pipeline(input, new TransformContext { ColumnLetters = letters }, new RangeSpec("amount") { Min = "0" }, new RequiredSpec("rep"));
        var data = Make(input, ["Jan", -1.0, "x"], ["Jan", 1.0, null], ["Feb", -2.0, "y"], ["Feb", 2.0, null]);

        var result = pipeline.Process(data, [3, 4, 3, 4], [0, 0, 1, 1]);

        // Sheet 0 has no "rep" column, so its row breaks the rule on no cell.
        AssertRows(
        [
            Row("Jan", -1.0, "x", "column 'amount': -1 is below the minimum 0", 3L, "B3"),
            Row("Jan", 1.0, null, "column 'rep' is required but empty", 4L, null),
            Row("Feb", -2.0, "y", "column 'amount': -2 is below the minimum 0", 3L, "D3"),
            Row("Feb", 2.0, null, "column 'rep' is required but empty", 4L, "A4"),
        ], Rows(result.Quarantine));
    }

    [Fact]
    public void Quarantine_keeps_the_input_values_as_read_before_any_transform()
    {
        var input = Schema(("qty", ColumnType.String), ("note", ColumnType.String));
        var pipeline = Pipeline(input, null, new CastSpec("qty", ColumnType.Int64), new RangeSpec("qty") { Max = "9" }, new SelectSpec(["qty"]));
        var result = pipeline.Process(Make(input, ["5", "a"], ["x", "b"], ["12", "c"]), [10, 11, 12]);
        AssertRows([Row(5L)], Rows(result.Output));
        AssertRows(
        [
            Row("x", "b", "column 'qty': 'x' cannot be converted to Int64", 11L),
            Row("12", "c", "column 'qty': 12 is above the maximum 9", 12L),
        ], Rows(result.Quarantine));
    }

    [Fact]
    public void A_regex_that_does_not_match_names_the_pattern()
    {
        var input = Schema(("email", ColumnType.String));
        var pipeline = Pipeline(input, null, new RegexSpec("email", "^[^@]+@[^@]+$"));
        var result = pipeline.Process(Make(input, ["a@b.c"], ["nope"], [null]));
        AssertRows([Row("a@b.c"), Row((object?)null)], Rows(result.Output));
        AssertRows([Row("nope", "column 'email': 'nope' does not match the pattern ^[^@]+@[^@]+$", 2L)], Rows(result.Quarantine));
    }
}
