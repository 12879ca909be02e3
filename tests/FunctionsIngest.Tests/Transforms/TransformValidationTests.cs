using FunctionsIngest.Data;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;
using static FunctionsIngest.Tests.Transforms.Batches;

namespace FunctionsIngest.Tests.Transforms;

public class TransformValidationTests
{
    private static readonly TableSchema Input = Schema(("id", ColumnType.Int64), ("name", ColumnType.String), ("flag", ColumnType.Boolean));

    [Fact]
    public void A_missing_column_is_named_with_the_columns_that_exist_at_that_point()
    {
        var errors = TransformPipeline.Validate(Input, [new RenameSpec("name", "full"), new SelectSpec(["id", "name"])]);
        Assert.Equal(["Transform 2 (select): column 'name' does not exist at this point. Columns: 'id', 'full', 'flag'."], errors);
    }

    [Fact]
    public void Every_problem_is_listed_and_create_throws_them_all()
    {
        TransformSpec[] specs =
        [
            new CastSpec("flag", ColumnType.Date),
            new RenameSpec("id", "NAME"),
            new SplitSpec("id", ",", ["a"]),
            new FilterSpec("name", "~"),
            new FilterSpec("id", ">") { Value = "ten" },
            new RangeSpec("name") { Min = "a" },
            new RegexSpec("name", "("),
            new MetadataSpec(["_row", "_user"]),
            new ConstantSpec("id", "1"),
            new CastSpec("name", ColumnType.Int64) { Culture = "xx-NOPE" },
            new JoinSpec(["id", "missing"], "j"),
        ];
        var errors = TransformPipeline.Validate(Input, specs);
        Assert.Equal(
        [
            "Transform 1 (cast): column 'flag' cannot be cast from Boolean to Date.",
            "Transform 2 (rename): a column named 'NAME' already exists.",
            "Transform 3 (split): column 'id' is Int64; only String columns can be split.",
            "Transform 4 (filter): the operator '~' is not known; use = != < <= > >= contains startsWith isNull notNull.",
            "Transform 5 (filter): the value 'ten' is not a valid Int64 for column 'id'.",
            "Transform 6 (range): column 'name' is String; a range needs a number, date, timestamp or time column.",
            errors[6],
            "Transform 8 (metadata): '_user' is not a metadata column; use _run_id, _ingested_at, _source_file, _sheet, _row.",
            "Transform 9 (constant): a column named 'id' already exists.",
            "Transform 10 (cast): the culture 'xx-NOPE' is not known.",
            "Transform 11 (join): column 'missing' does not exist at this point. Columns: 'id', 'name', 'flag', '_row'.",
        ], errors);
        Assert.StartsWith("Transform 7 (regex): the pattern is not a valid regular expression (", errors[6], StringComparison.Ordinal);
        var ex = Assert.Throws<IngestException>(() => TransformPipeline.Create(Input, specs, new TransformContext()));
        Assert.StartsWith("The transforms are invalid: Transform 1 (cast): column 'flag' cannot be cast from Boolean to Date. Transform 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_specs_give_no_errors_and_the_output_schema_up_front()
    {
        TransformSpec[] specs = [new CastSpec("id", ColumnType.String), new JoinSpec(["id", "name"], "key") { Separator = "-" }, new MetadataSpec(["_row"])];
        Assert.Empty(TransformPipeline.Validate(Input, specs));
        var schema = TransformPipeline.OutputSchemaFor(Input, specs);
        Assert.Equal(["key", "flag", "_row"], Names(schema));
        Assert.Equal([ColumnType.String, ColumnType.Boolean, ColumnType.Int64], Types(schema));
    }

    [Fact]
    public void Split_into_an_existing_name_and_duplicate_select_are_rejected()
    {
        Assert.Equal(["Transform 1 (split): a column named 'id' already exists."], TransformPipeline.Validate(Input, [new SplitSpec("name", " ", ["id", "x"])]));
        Assert.Equal(["Transform 1 (select): a column is listed more than once."], TransformPipeline.Validate(Input, [new SelectSpec(["id", "ID"])]));
        Assert.Empty(TransformPipeline.Validate(Input, [new SplitSpec("name", " ", ["name", "rest"])]));
    }
}
