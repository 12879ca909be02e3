namespace FunctionsIngest.Jobs;

/// <summary>The source types a job can read, and the type a path implies when a job does not say.</summary>
public static class SourceTypes
{
    public const string Excel = "excel";
    public const string Csv = "csv";
    public const string Json = "json";
    public static readonly IReadOnlyList<string> All = [Excel, Csv, Json];

    /// <summary>The source fields (as JSON names) every type accepts.</summary>
    public static readonly IReadOnlyList<string> CommonSettings = ["type", "path", "incremental", "schema"];

    /// <summary>The source fields (as JSON names) that apply to one type only, by type.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TypeSettings = new Dictionary<string, IReadOnlyList<string>>
    {
        [Excel] = ["sheet", "sheets", "headerRow", "range", "includeHiddenSheets", "includeHiddenRows", "fillMergedCells", "normalizeHeaders"],
        [Csv] = ["delimiter", "quote", "escape", "hasHeader", "skipRows", "encoding", "culture"],
        [Json] = ["layout"],
    };

    private static readonly string[] CsvExtensions = [".csv", ".tsv", ".tab", ".txt"];
    private static readonly string[] JsonExtensions = [".json", ".ndjson", ".jsonl"];

    /// <summary>"csv" for .csv/.tsv/.tab/.txt, "json" for .json/.ndjson/.jsonl, otherwise "excel" (the type before CSV and JSON existed).</summary>
    public static string FromPath(string path)
    {
        if (CsvExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return Csv;
        return JsonExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? Json : Excel;
    }

    /// <summary>True for a tab-separated file name (".tsv", ".tab"), whose default delimiter is a tab.</summary>
    public static bool IsTabSeparated(string path) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tab", StringComparison.OrdinalIgnoreCase);
}
