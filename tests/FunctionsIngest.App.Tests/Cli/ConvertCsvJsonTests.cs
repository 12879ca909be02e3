using FunctionsIngest.App.Cli;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Cli;

/// <summary>`convert` on CSV and JSON input, through the same source factory as jobs.</summary>
public sealed class ConvertCsvJsonTests : ConvertTestBase
{
    private string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_csv_file_is_read_with_its_delimiter_and_culture_the_type_coming_from_the_extension()
    {
        var input = Write("prices.csv", "item;price\npen;1,5\nink;12,25\n");
        var output = Path.Combine(Dir, "prices.parquet");

        var (exit, stdout, stderr) = Convert(input, output, "--delimiter", ";", "--culture", "fr-FR");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("2 rows, 2 columns from 'prices.csv'", stdout, StringComparison.Ordinal);
        var table = DatasetReader.ReadAllReaders(output);
        Assert.Equal(["item", "price"], table.Columns);
        Assert.Equal(["pen|1.5", "ink|12.25"], Enumerable.Range(0, 2).Select(table.Row));
    }

    [Fact]
    public void A_json_lines_file_is_flattened()
    {
        var input = Write("events.txt", "{\"a\":{\"b\":1}}\n{\"a\":{\"b\":2}}\n");
        var output = Path.Combine(Dir, "events.parquet");

        var (exit, _, stderr) = Convert(input, output, "--type", "json", "--layout", "lines");

        Assert.True(exit == 0, stderr);
        var table = DatasetReader.ReadAllReaders(output);
        Assert.Equal(["a.b"], table.Columns);
        Assert.Equal(["1", "2"], Enumerable.Range(0, 2).Select(table.Row));
    }

    [Fact]
    public void A_large_csv_is_converted_in_one_pass_or_read_again_when_its_types_change_past_the_sample()
    {
        var steady = Write("steady.csv", string.Concat(Enumerable.Range(0, 260_000).Select(i => $"{i},{i % 1000}.5\n")).Insert(0, "id,x\n"));
        var changing = Write("changing.csv", Jobs.CsvJsonRunTests.IntegersWithOneLateFraction());

        foreach (var (input, expected) in new[] { (steady, "79999|999.5"), (changing, "80000|2.5|late") })
        {
            var output = Path.ChangeExtension(input, ".parquet");
            var (exit, stdout, stderr) = Convert(input, output);
            Assert.True(exit == 0, stderr);
            Assert.StartsWith("260000 rows", stdout, StringComparison.Ordinal);
            var table = DatasetReader.ReadAllReaders(output);
            Assert.Equal(260_000, table.Rows.Count);
            Assert.Equal(expected, table.Row(expected.StartsWith("79999", StringComparison.Ordinal) ? 79_999 : 80_000));
            Assert.Empty(Directory.GetFiles(Dir, "*.tmp")); // the missed attempt left nothing behind
        }
    }

    [Theory]
    [InlineData("--sheet", "Data", "--sheet does not apply to csv input")]
    [InlineData("--encoding", "klingon-8", "--encoding: 'klingon-8' is not a known encoding")]
    [InlineData("--type", "xml", "--type must be one of excel, csv, json")]
    public void Options_that_do_not_fit_the_input_are_usage_errors(string option, string value, string message)
    {
        var input = Write("a.csv", "x\n1\n");

        var (exit, _, stderr) = Convert(input, Path.Combine(Dir, "a.parquet"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "a.parquet")));
    }
}
