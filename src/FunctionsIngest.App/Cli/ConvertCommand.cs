using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;
using FunctionsIngest.Sources.Excel;

namespace FunctionsIngest.App.Cli;

/// <summary>
/// `convert INPUT OUTPUT [--sheet S] [--header-row N] [--compression snappy|gzip|none]`: one sheet to one
/// Parquet file through the same pipeline as job runs. Exit 0 on success, 1 on a conversion failure,
/// 2 on a usage error; failures print one line on stderr and leave no output file.
/// </summary>
public static class ConvertCommand
{
    public const string Usage = "usage: convert INPUT.xlsx OUTPUT.parquet [--sheet NAME|NUMBER] [--header-row N] [--compression snappy|gzip|none]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var input, out var output, out var options, out var compression, out var error))
        {
            stderr.WriteLine($"convert: {error}");
            stderr.WriteLine(Usage);
            return 2;
        }
        try
        {
            using var reader = ExcelTableReader.Open(input, options);
            var metadata = new Dictionary<string, string>
            {
                ["functionsingest.source"] = Path.GetFileName(input),
                ["functionsingest.sheet"] = reader.SheetName,
            };
            var result = TableCopier.CopyToFile(reader, output, compression, metadata);
            foreach (var warning in result.Warnings.Take(10))
                stderr.WriteLine($"warning: {(warning.Location is null ? "" : warning.Location + ": ")}{warning.Message}");
            if (result.Warnings.Count > 10)
                stderr.WriteLine($"warning: {result.Warnings.Count - 10} more warning(s) not shown");
            stdout.WriteLine($"{result.RowsWritten} rows, {result.Schema.Count} columns from '{reader.SheetName}' -> {output} ({result.Bytes} bytes, {result.Duration.TotalSeconds:0.###} s)");
            return 0;
        }
        catch (Exception ex) when (ex is IngestException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"convert: {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static bool TryParse(string[] args, out string input, out string output, out ExcelReadOptions options,
        out ParquetCompression compression, out string error)
    {
        input = output = error = "";
        options = new ExcelReadOptions();
        compression = ParquetCompression.Snappy;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = $"option {arg} needs a value";
                return false;
            }
            var value = args[++i];
            switch (arg)
            {
                case "--sheet":
                    options = options with { Sheet = value };
                    break;
                case "--header-row" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1:
                    options = options with { HeaderRow = row };
                    break;
                case "--header-row":
                    error = $"--header-row must be a whole number of at least 1, not '{value}'";
                    return false;
                case "--compression" when CompressionNames.TryParse(value, out var parsed):
                    compression = parsed;
                    break;
                case "--compression":
                    error = $"--compression must be one of {string.Join(", ", CompressionNames.All)}, not '{value}'";
                    return false;
                default:
                    error = $"unknown option {arg}";
                    return false;
            }
        }
        if (positional.Count != 2)
        {
            error = positional.Count < 2 ? "INPUT and OUTPUT are required" : $"unexpected argument '{positional[2]}'";
            return false;
        }
        input = positional[0];
        output = positional[1];
        options = options with { DisplayName = input };
        return true;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
