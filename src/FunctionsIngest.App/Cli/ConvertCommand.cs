using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources;

namespace FunctionsIngest.App.Cli;

/// <summary>
/// `convert INPUT OUTPUT [options]`: one Excel sheet, CSV or JSON file to one Parquet file through the same source
/// factory and pipeline as job runs. Exit 0 on success, 1 on a conversion failure, 2 on a usage error; failures
/// print one line on stderr and leave no output file.
/// </summary>
public static class ConvertCommand
{
    public const string Usage = """
        usage: convert INPUT OUTPUT.parquet [--type excel|csv|json] [--compression snappy|gzip|none]
          excel: [--sheet NAME|NUMBER] [--header-row N|auto] [--range A3:H500]
          csv:   [--delimiter C|tab|auto] [--quote C|none] [--escape C] [--no-header] [--skip-rows N] [--encoding NAME] [--culture NAME]
          json:  [--layout auto|array|lines]
          --type defaults from the extension (.csv/.tsv/.txt => csv, .json/.ndjson/.jsonl => json, else excel)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!ConvertArguments.TryParse(args, out var parsed, out var error))
        {
            stderr.WriteLine($"convert: {error}");
            stderr.WriteLine(Usage);
            return 2;
        }
        if (JobValidator.CheckSourceSettings(parsed.Source) is { Count: > 0 } problems)
        {
            var (field, messages) = problems.First();
            stderr.WriteLine($"convert: --{ConvertArguments.OptionName(field)}: {messages[0]}");
            stderr.WriteLine(Usage);
            return 2;
        }
        try
        {
            var (result, sheet) = SpeculativeRead.Run(singlePass =>
            {
                using var source = TableSources.Open(parsed.Source, parsed.Input, parsed.Input, singlePass);
                var metadata = new Dictionary<string, string> { ["functionsingest.source"] = Path.GetFileName(parsed.Input) };
                if (source.Sheet is not null)
                    metadata["functionsingest.sheet"] = source.Sheet;
                return (TableCopier.CopyToFile(source.Reader, parsed.Output, parsed.Compression, metadata), source.Sheet);
            });
            foreach (var warning in result.Warnings.Take(10))
                stderr.WriteLine($"warning: {(warning.Location is null ? "" : warning.Location + ": ")}{warning.Message}");
            if (result.Warnings.Count > 10)
                stderr.WriteLine($"warning: {result.Warnings.Count - 10} more warning(s) not shown");
            var from = sheet is null ? $"'{Path.GetFileName(parsed.Input)}'" : $"'{sheet}'";
            stdout.WriteLine($"{result.RowsWritten} rows, {result.Schema.Count} columns from {from} -> {parsed.Output} ({result.Bytes} bytes, {result.Duration.TotalSeconds:0.###} s)");
            return 0;
        }
        catch (Exception ex) when (ex is IngestException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"convert: {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
