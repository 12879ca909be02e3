namespace FunctionsIngest.Data;

// Wording for job sources (Sources/TableSources), job transforms (Transforms/JobTransforms) and job validation (Jobs).
public static partial class IngestErrors
{
    public static IngestException UnknownSourceType(string file, string type) =>
        new($"'{file}': the source type '{type}' is not known; use excel, csv or json.") { File = file };

    /// <summary>A row-level error raised without a file (a transform's) re-worded to name the file.</summary>
    public static IngestException InFile(string file, IngestException inner) =>
        new($"'{file}', {char.ToLowerInvariant(inner.Message[0])}{inner.Message[1..]}", inner)
        {
            File = file, Sheet = inner.Sheet, Cell = inner.Cell, Column = inner.Column, IsTransient = inner.IsTransient,
        };

    public static string SettingNotForType(string setting, string type, string appliesTo) =>
        $"'{setting}' does not apply to {type} sources (it is a setting of {appliesTo} sources).";

    public static string ColumnsCheckedAtRunStart(string reason, IEnumerable<string> columns) =>
        $"{reason} The columns {string.Join(", ", columns.Select(c => $"'{c}'"))} named by the transforms will be checked when a run starts.";

    public static string TransformsCheckedAtRunStart(string reason) =>
        $"{reason} The transforms' columns will be checked when a run starts.";
}
