using System.Globalization;
using System.Text.RegularExpressions;
using FunctionsIngest.Data;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Jobs.Validation;

/// <summary>The values of a source's settings, checked without reading any file: each problem under its field ("source.delimiter").</summary>
internal static partial class SourceSettingsRules
{
    private static readonly string[] ExcelExtensions = [".xlsx", ".xlsm", ".xls"];

    public static void Check(SourceDefinition source, FieldErrors errors)
    {
        if (!SourceTypes.All.Contains(source.Type, StringComparer.Ordinal))
        {
            errors.Add("source.type", $"'{source.Type}' is not a source type; use one of: {string.Join(", ", SourceTypes.All)}.");
            return;
        }
        CheckPath(source, errors);
        SchemaRules.Check(source, errors);
        switch (source.Type)
        {
            case SourceTypes.Excel: CheckExcel(source, errors); break;
            case SourceTypes.Csv: CheckCsv(source, errors); break;
            default: CheckJson(source, errors); break;
        }
    }

    private static void CheckPath(SourceDefinition source, FieldErrors errors)
    {
        if (StoragePaths.Validate(source.Path) is { } problem)
            errors.Add("source.path", $"{problem}.");
        else if (source.Type == SourceTypes.Excel && !ExcelExtensions.Any(e => source.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase)
                     || source.Path.EndsWith(e[..^1] + "?", StringComparison.OrdinalIgnoreCase) || source.Path.EndsWith(".xls*", StringComparison.OrdinalIgnoreCase)))
            errors.Add("source.path", $"must name Excel workbooks ({string.Join(", ", ExcelExtensions)}), e.g. 'in/report.xlsx' or 'in/sales/*.xlsx'; for other files set source.type to csv or json.");
    }

    private static void CheckExcel(SourceDefinition source, FieldErrors errors)
    {
        if (source.Sheet is not null && source.Sheets is not null)
            errors.Add("source.sheets", "give either sheet (one sheet) or sheets (several read as one table), not both.");
        if (source.Sheets is { } sheets)
        {
            if (sheets.Count == 0)
                errors.Add("source.sheets", "must list at least one sheet name, number or pattern.");
            for (int i = 0; i < sheets.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(sheets[i]))
                    errors.Add($"source.sheets[{i}]", "must be a non-empty sheet name, number or pattern.");
            }
        }
        if (source.HeaderRow is < 1 or > 1_048_576)
            errors.Add("source.headerRow", "must be between 1 and 1048576, or \"auto\".");
        if (source.Range is { } range && !RangePattern().IsMatch(range.Trim()))
            errors.Add("source.range", $"'{range}' is not a cell range; write it like 'A3:H500', 'B:F' or 'A3:H'.");
        if (source.Range is not null && source.HeaderRow is not (null or 1))
            errors.Add("source.headerRow", "with a range, the range's first row is the header; leave headerRow out.");
    }

    // A1:B2, A:B, A1:B (open-ended rows); 1 to 3 letters per column.
    [GeneratedRegex("^[A-Za-z]{1,3}[1-9][0-9]{0,6}:[A-Za-z]{1,3}([1-9][0-9]{0,6})?$|^[A-Za-z]{1,3}:[A-Za-z]{1,3}$")]
    private static partial Regex RangePattern();

    private static void CheckCsv(SourceDefinition source, FieldErrors errors)
    {
        var quote = source.Quote is null ? '"' : TableSources.QuoteChar(source.Quote);
        if (source.Quote is { } q && !(q.Equals("none", StringComparison.OrdinalIgnoreCase) || q.Length <= 1) || quote is '\r' or '\n')
            errors.Add("source.quote", $"'{source.Quote}' is not a quote character; give one character such as '\"' or '\\'', or \"none\" to turn quoting off.");
        char? escape = source.Escape is { Length: 1 } e ? e[0] : null;
        if (source.Escape is not null && (escape is null or '\r' or '\n'))
            errors.Add("source.escape", $"'{source.Escape}' is not an escape character; give one character such as '\\\\', or leave it out for doubled quotes.");
        if (source.Delimiter is { } d)
        {
            var delimiter = d == "\\t" || d.Equals("tab", StringComparison.OrdinalIgnoreCase) ? "\t" : d;
            bool auto = d.Equals("auto", StringComparison.OrdinalIgnoreCase);
            if (!auto && (delimiter.Length != 1 || delimiter[0] is '\r' or '\n'))
                errors.Add("source.delimiter", $"'{d}' is not a delimiter; give one character (such as ',', ';', '\\t' or '|'), \"tab\" or \"auto\".");
            else if (!auto && (delimiter[0] == quote || delimiter[0] == escape))
                errors.Add("source.delimiter", $"'{d}' is also the quote or escape character; the delimiter must differ from both.");
        }
        if (source.SkipRows is < 0)
            errors.Add("source.skipRows", "must be 0 or more.");
        if (source.Encoding is { } encoding && !KnownEncoding(encoding))
            errors.Add("source.encoding", $"'{encoding}' is not a known encoding; use utf-8, utf-16le, utf-16be or windows-1252 (or another .NET encoding name).");
        if (source.Culture is { } culture && !TextCultures.TryResolve(culture, out _))
            errors.Add("source.culture", $"'{culture}' is not a known culture; use a name such as 'en-US' or 'fr-FR', or leave it out for the invariant culture.");
    }

    private static bool KnownEncoding(string name)
    {
        try
        {
            TextEncodings.Resolve(name, "");
            return !string.IsNullOrWhiteSpace(name);
        }
        catch (IngestException)
        {
            return false;
        }
    }

    private static void CheckJson(SourceDefinition source, FieldErrors errors)
    {
        try
        {
            TableSources.JsonLayoutOf(source.Layout);
        }
        catch (ArgumentException)
        {
            errors.Add("source.layout", $"'{source.Layout}' is not a JSON layout; use auto, array (one top-level array of objects) or lines (NDJSON).");
        }
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
