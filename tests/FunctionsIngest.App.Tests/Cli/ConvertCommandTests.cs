using FunctionsIngest.App.Cli;
using FunctionsIngest.App.Tests.Hosting;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Cli;

public sealed class ConvertCommandTests : ConvertTestBase
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public void Converts_a_sheet_to_parquet_read_the_same_by_three_readers(string compression)
    {
        var output = Path.Combine(Dir, "iris.parquet");

        var (exit, stdout, stderr) = Convert(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), output, "--compression", compression);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("150 rows, 5 columns from 'iris'", stdout, StringComparison.Ordinal);
        var table = DatasetReader.ReadAllReaders(output);
        Assert.Equal(150, table.Rows.Count);
        Assert.Equal("4.9|3|1.4|0.2|setosa", table.Row(1));
        Assert.Equal(["iris.parquet"], Directory.GetFiles(Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Sheet_and_header_row_options_select_the_table()
    {
        var output = Path.Combine(Dir, "out.parquet");

        var (exit, _, stderr) = Convert(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), output, "--sheet", "1", "--header-row", "2");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var table = DatasetReader.ReadAllReaders(output);
        Assert.Equal(["5.1", "3.5", "1.4", "0.2", "setosa"], table.Columns);
        Assert.Equal(149, table.Rows.Count);
    }

    [Fact]
    public void A_missing_input_fails_with_one_line_and_no_output()
    {
        var output = Path.Combine(Dir, "out.parquet");

        var (exit, _, stderr) = Convert(Path.Combine(Dir, "nope.xlsx"), output);

        Assert.Equal(1, exit);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("nope.xlsx", stderr, StringComparison.Ordinal);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void A_corrupt_input_leaves_no_file_behind_not_even_a_temporary_one()
    {
        var input = Path.Combine(Dir, "bad.xlsx");
        File.WriteAllBytes(input, File.ReadAllBytes(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"))[..2000]);
        var output = Path.Combine(Dir, "out.parquet");

        var (exit, _, stderr) = Convert(input, output);

        Assert.Equal(1, exit);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("bad.xlsx", stderr, StringComparison.Ordinal);
        Assert.Equal(["bad.xlsx"], Directory.GetFiles(Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unknown_sheet_fails_naming_the_sheet()
    {
        var (exit, _, stderr) = Convert(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), Path.Combine(Dir, "o.parquet"), "--sheet", "Nope");

        Assert.Equal(1, exit);
        Assert.Contains("'Nope'", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData(new string[0], "INPUT and OUTPUT are required")]
    [InlineData(new[] { "a.xlsx" }, "INPUT and OUTPUT are required")]
    [InlineData(new[] { "a.xlsx", "b.parquet", "c" }, "unexpected argument 'c'")]
    [InlineData(new[] { "a.xlsx", "b.parquet", "--compression", "lz4" }, "--compression must be one of")]
    [InlineData(new[] { "a.xlsx", "b.parquet", "--header-row", "0" }, "--header-row must be")]
    [InlineData(new[] { "a.xlsx", "b.parquet", "--colour", "red" }, "unknown option --colour")]
    [InlineData(new[] { "a.xlsx", "b.parquet", "--sheet" }, "option --sheet needs a value")]
    public void Usage_errors_exit_2_with_the_reason(string[] args, string reason)
    {
        var (exit, _, stderr) = Convert(args);

        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Contains(ConvertCommand.Usage, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_entry_point_runs_the_convert_verb()
    {
        var output = Path.Combine(Dir, "p.parquet");
        using var good = new AppProcess(Dir, ["convert", RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), output]);
        Assert.True(good.WaitForExit(TimeSpan.FromSeconds(60)));
        using var bad = new AppProcess(Dir, ["convert", Path.Combine(Dir, "missing.xlsx"), Path.Combine(Dir, "q.parquet")]);
        Assert.True(bad.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(150, DatasetReader.ReadAllReaders(output).Rows.Count);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("missing.xlsx", bad.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "q.parquet")));
    }
}
