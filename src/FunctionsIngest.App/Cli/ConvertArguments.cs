using System.Globalization;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.App.Cli;

/// <summary>The command line of `convert`, as a job source definition plus input, output and compression.</summary>
internal sealed record ConvertArguments(string Input, string Output, SourceDefinition Source, ParquetCompression Compression)
{
    /// <summary>Options taking a value, by name, and the source setting each sets.</summary>
    private static readonly Dictionary<string, Func<SourceDefinition, string, SourceDefinition?>> SourceOptions = new(StringComparer.Ordinal)
    {
        ["--sheet"] = (s, v) => s with { Sheet = v },
        ["--header-row"] = (s, v) => v.Equals("auto", StringComparison.OrdinalIgnoreCase) ? s with { HeaderRow = null }
            : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? s with { HeaderRow = row } : null,
        ["--range"] = (s, v) => s with { Range = v },
        ["--delimiter"] = (s, v) => s with { Delimiter = v },
        ["--quote"] = (s, v) => s with { Quote = v },
        ["--escape"] = (s, v) => s with { Escape = v },
        ["--skip-rows"] = (s, v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? s with { SkipRows = n } : null,
        ["--encoding"] = (s, v) => s with { Encoding = v },
        ["--culture"] = (s, v) => s with { Culture = v },
        ["--layout"] = (s, v) => s with { Layout = v },
    };

    public static bool TryParse(string[] args, out ConvertArguments parsed, out string error)
    {
        parsed = null!;
        error = "";
        var positional = new List<string>();
        var values = new List<(string Option, string Value)>();
        var compression = ParquetCompression.Snappy;
        string? type = null;
        bool noHeader = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            if (arg == "--no-header")
            {
                noHeader = true;
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
                case "--type" when SourceTypes.All.Contains(value.ToLowerInvariant()):
                    type = value.ToLowerInvariant();
                    break;
                case "--type":
                    error = $"--type must be one of {string.Join(", ", SourceTypes.All)}, not '{value}'";
                    return false;
                case "--compression" when CompressionNames.TryParse(value, out var c):
                    compression = c;
                    break;
                case "--compression":
                    error = $"--compression must be one of {string.Join(", ", CompressionNames.All)}, not '{value}'";
                    return false;
                case var option when SourceOptions.ContainsKey(option):
                    values.Add((option, value));
                    break;
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
        type ??= SourceTypes.FromPath(positional[0]);
        var source = new SourceDefinition { Type = type, Path = Path.GetFileName(positional[0]), HasHeader = noHeader ? false : null };
        foreach (var (option, value) in values)
        {
            var setting = option[2..];
            if (!AppliesTo(type, setting))
            {
                error = $"{option} does not apply to {type} input";
                return false;
            }
            if (SourceOptions[option](source, value) is not { } updated)
            {
                error = option == "--header-row" ? $"--header-row must be a whole number of at least 1 or 'auto', not '{value}'" : $"{option} must be a whole number, not '{value}'";
                return false;
            }
            source = updated;
        }
        if (noHeader && type != SourceTypes.Csv)
        {
            error = $"--no-header does not apply to {type} input";
            return false;
        }
        parsed = new ConvertArguments(positional[0], positional[1], source, compression);
        return true;
    }

    /// <summary>"source.skipRows" => "skip-rows", for messages about a job setting reached through an option.</summary>
    public static string OptionName(string field)
    {
        var name = field.StartsWith("source.", StringComparison.Ordinal) ? field[7..] : field;
        return string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
    }

    private static bool AppliesTo(string type, string option)
    {
        var setting = option.Split('-') is var parts ? parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..])) : option;
        return SourceTypes.TypeSettings[type].Contains(setting, StringComparer.Ordinal);
    }
}
