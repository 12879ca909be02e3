using System.Globalization;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources.Csv;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Json;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources;

// Job settings => reader options. A setting left null keeps the reader's own default.
public static partial class TableSources
{
    public static ExcelReadOptions ExcelOptions(SourceDefinition source, string displayName)
    {
        ArgumentNullException.ThrowIfNull(source);
        var defaults = new ExcelReadOptions();
        return new ExcelReadOptions
        {
            Sheet = source.Sheet,
            Sheets = source.Sheets,
            HeaderRow = source.HeaderRow,
            Range = source.Range,
            IncludeHiddenSheets = source.IncludeHiddenSheets ?? defaults.IncludeHiddenSheets,
            IncludeHiddenRows = source.IncludeHiddenRows ?? defaults.IncludeHiddenRows,
            FillMergedCells = source.FillMergedCells ?? defaults.FillMergedCells,
            NormalizeHeaders = source.NormalizeHeaders ?? defaults.NormalizeHeaders,
            Schema = Overrides(source),
            DisplayName = displayName,
        };
    }

    public static CsvReadOptions CsvOptions(SourceDefinition source, string displayName)
    {
        ArgumentNullException.ThrowIfNull(source);
        var defaults = new CsvReadOptions();
        return new CsvReadOptions
        {
            Delimiter = source.Delimiter ?? (SourceTypes.IsTabSeparated(displayName) ? "\t" : defaults.Delimiter),
            Quote = source.Quote is null ? defaults.Quote : QuoteChar(source.Quote),
            Escape = source.Escape is null ? defaults.Escape : source.Escape[0],
            HasHeader = source.HasHeader ?? defaults.HasHeader,
            SkipRows = source.SkipRows ?? defaults.SkipRows,
            Encoding = source.Encoding ?? defaults.Encoding,
            Culture = source.Culture ?? defaults.Culture,
            Schema = Overrides(source),
            DisplayName = displayName,
        };
    }

    public static JsonReadOptions JsonOptions(SourceDefinition source, string displayName)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new JsonReadOptions { Layout = JsonLayoutOf(source.Layout), DisplayName = displayName };
    }

    /// <summary>The quote setting as the CSV reader takes it: "none" (or "") turns quoting off.</summary>
    public static char QuoteChar(string quote) => quote.Length == 0 || quote.Equals("none", StringComparison.OrdinalIgnoreCase) ? '\0' : quote[0];

    /// <summary>"auto", "array" or "lines" (also "ndjson", "jsonl"); null = auto. Unknown names throw.</summary>
    public static JsonLayout JsonLayoutOf(string? layout) => layout?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => JsonLayout.Auto,
        "array" => JsonLayout.Array,
        "lines" or "ndjson" or "jsonl" => JsonLayout.Lines,
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{layout}' is not a JSON layout; use auto, array or lines."), nameof(layout)),
    };

    private static ColumnOverride[]? Overrides(SourceDefinition source) =>
        source.Schema?.Select(c => new ColumnOverride(c.Name, c.Type, c.Format, c.Nullable)).ToArray();
}
