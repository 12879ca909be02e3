using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Jobs.Validation;
using FunctionsIngest.Storage;
using FunctionsIngest.Tests.Fixtures;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Tests.Jobs;

/// <summary>Save-time validation over a real storage folder: with the source file present, absent, and too large to read whole.</summary>
public sealed class JobValidatorTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly JobValidator _validator;

    public JobValidatorTests() => _validator = new JobValidator(new StorageSourceFileProbe(new LocalStorage(_dir.Path)));

    public void Dispose() => _dir.Dispose();

    private void AddFile(string relative, string text)
    {
        var path = Path.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private static JobDefinition Job(SourceDefinition source, params TransformSpec[] transforms) => new()
    {
        Name = "j", Source = source, Destination = new DestinationDefinition { Path = "datasets/j" }, Transforms = transforms,
    };

    private static SourceDefinition Csv(string path = "in/*.csv") => new() { Type = SourceTypes.Csv, Path = path };

    [Fact]
    public async Task A_transform_naming_a_column_the_first_file_lacks_fails_under_its_field()
    {
        AddFile("in/b.csv", "id,name\n1,x\n");
        AddFile("in/a.csv", "id,amount\n1,2.5\n");

        var result = await _validator.ValidateAsync(Job(Csv(), new RenameSpec("amount", "price"), new CastSpec("name", ColumnType.String)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("transforms[1].column", error.Key);
        Assert.Equal(["Transform 2 (cast): column 'name' does not exist at this point. Columns: 'id', 'price'."], error.Value);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Types_from_the_file_are_checked_too()
    {
        AddFile("in/a.csv", "id,name\n1,x\n");

        var result = await _validator.ValidateAsync(Job(Csv(), new SplitSpec("id", "-", ["p", "q"]), new RangeSpec("name") { Min = "1" }));

        Assert.Equal(["transforms[0]", "transforms[1]"], result.Errors.Keys.Order());
        Assert.Contains("column 'id' is Int64; only String columns can be split.", result.Errors["transforms[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_file_everything_else_is_checked_and_a_warning_names_the_columns_left_for_run_start()
    {
        var result = await _validator.ValidateAsync(Job(Csv(),
            new RenameSpec("a", "b"),
            new CastSpec("a", ColumnType.Int64),
            new RegexSpec("c", "("),
            new RangeSpec("d") { Min = "2024-01-01", Max = "soon" },
            new SplitSpec("e", ",", ["x", "x"]),
            new CastSpec("f", ColumnType.Date) { Culture = "xx-NOPE" }));

        Assert.Equal(["transforms[1].column", "transforms[2]", "transforms[3]", "transforms[4]", "transforms[5]"], result.Errors.Keys.Order());
        Assert.Contains("column 'a' does not exist at this point", result.Errors["transforms[1].column"][0], StringComparison.Ordinal);
        Assert.Equal(["Transform 4 (range): max 'soon' is not a number, date, timestamp or time."], result.Errors["transforms[3]"]);
        Assert.Equal(["Transform 5 (split): 'into' names a column more than once."], result.Errors["transforms[4]"]);

        var valid = await _validator.ValidateAsync(Job(Csv(), new RenameSpec("a", "b"), new FilterSpec("b", ">") { Value = "3" }, new RequiredSpec("c")));
        Assert.True(valid.IsValid);
        Assert.Equal(["No file matches 'in/*.csv' yet. The columns 'a', 'c' named by the transforms will be checked when a run starts."], valid.Warnings);
    }

    [Fact]
    public async Task A_declared_schema_stands_in_for_the_file_with_its_types()
    {
        var source = Csv() with { Schema = [new SchemaColumn("when", ColumnType.Date, "dd/MM/yyyy"), new SchemaColumn("n", ColumnType.Int64)] };

        var result = await _validator.ValidateAsync(Job(source, new SplitSpec("n", ",", ["a", "b"]), new RangeSpec("when") { Min = "2024-01-01" }));
        Assert.Equal(["transforms[0]"], result.Errors.Keys);

        var covered = await _validator.ValidateAsync(Job(source, new RangeSpec("when") { Min = "2024-01-01" }, new CastSpec("n", ColumnType.String)));
        Assert.True(covered.IsValid);
        Assert.Empty(covered.Warnings);
    }

    [Fact]
    public async Task A_file_larger_than_the_read_limit_gives_its_column_names_from_its_first_lines()
    {
        var text = new StringBuilder("id,name\n");
        while (text.Length <= SourceInputProbe.FullReadBytes)
            text.Append("1234567,some longer name to fill the file quickly\n");
        AddFile("in/big.csv", text.ToString());

        var missing = await _validator.ValidateAsync(Job(Csv("in/big.csv"), new RequiredSpec("nope")));
        var fine = await _validator.ValidateAsync(Job(Csv("in/big.csv"), new RangeSpec("id") { Min = "0" }));

        Assert.Equal(["transforms[0].column"], missing.Errors.Keys);
        Assert.True(fine.IsValid);
        Assert.Contains("column types were not", Assert.Single(fine.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_csv_settings_are_each_named()
    {
        var source = Csv() with { Delimiter = ";;", Quote = "ab", Encoding = "klingon-8", Culture = "xx-NOPE", SkipRows = -1 };

        var result = await _validator.ValidateAsync(Job(source));

        Assert.Equal(["source.culture", "source.delimiter", "source.encoding", "source.quote", "source.skipRows"], result.Errors.Keys.Order());
        Assert.Contains("'klingon-8' is not a known encoding", result.Errors["source.encoding"][0], StringComparison.Ordinal);
        var sameAsQuote = await _validator.ValidateAsync(Job(Csv() with { Delimiter = "'", Quote = "'" }));
        Assert.Equal(["source.delimiter"], sameAsQuote.Errors.Keys);
    }

    [Fact]
    public async Task Bad_excel_json_schema_and_quarantine_settings_are_each_named()
    {
        var excel = new SourceDefinition { Path = "in/a.xlsx", Sheet = "A", Sheets = ["B"], Range = "3:H", HeaderRow = 0 };
        var json = new SourceDefinition
        {
            Type = SourceTypes.Json, Path = "in/a.json", Layout = "tree",
            Schema = [new SchemaColumn("x", ColumnType.Int64, "0.00"), new SchemaColumn("X", ColumnType.String), new SchemaColumn("y", ColumnType.Boolean, "yes", false)],
        };
        var job = Job(json) with { Quarantine = new QuarantineDefinition { Path = "datasets/j/bad", Compression = "lz4" } };

        var excelResult = await _validator.ValidateAsync(Job(excel));
        var jsonResult = await _validator.ValidateAsync(job);

        Assert.Equal(["source.headerRow", "source.range", "source.sheets"], excelResult.Errors.Keys.Order());
        Assert.Equal(["quarantine.compression", "quarantine.path", "source.layout", "source.schema[0].format", "source.schema[1].name",
            "source.schema[2].format"], jsonResult.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_first_file_that_cannot_be_read_with_the_settings_fails_the_source()
    {
        AddFile("in/a.csv", "id,name\n1,x\n");
        var source = Csv() with { Schema = [new SchemaColumn("when", ColumnType.Date)] };

        var result = await _validator.ValidateAsync(Job(source, new RequiredSpec("id")));

        Assert.Equal(["source"], result.Errors.Keys);
        Assert.StartsWith("'in/a.csv', the first file matching the path, cannot be read with these settings: 'in/a.csv': the schema names column 'when'",
            result.Errors["source"][0], StringComparison.Ordinal);
    }
}
