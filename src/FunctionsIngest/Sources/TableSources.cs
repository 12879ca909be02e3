using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Sources.Csv;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Json;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Sources;

/// <summary>
/// The one way a job's source becomes a table reader, shared by run steps, save-time validation and the CLI: picks
/// the reader for <see cref="SourceDefinition.Type"/> and maps the job's settings (schema overrides included) onto its options.
/// </summary>
public static partial class TableSources
{
    /// <summary>
    /// Opens <paramref name="localPath"/> as <paramref name="source"/> describes. <paramref name="displayName"/> (the
    /// storage-relative path) names the file in every message. Dispose the result. <paramref name="singlePass"/> lets a
    /// large CSV file or an .xlsx sheet be read in one pass (<see cref="CsvReadOptions.SinglePass"/>,
    /// <see cref="ExcelReadOptions.SinglePass"/>): only for callers that read again
    /// on <see cref="SpeculationMissedException"/> (<see cref="SpeculativeRead"/>).
    /// </summary>
    public static OpenedSource Open(SourceDefinition source, string localPath, string displayName, bool singlePass = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Type switch
        {
            SourceTypes.Csv => new OpenedSource(CsvTableReader.Open(localPath, CsvOptions(source, displayName) with { SinglePass = singlePass }),
                displayName, null, null),
            SourceTypes.Json => new OpenedSource(OpenJson(source, localPath, displayName), displayName, null, null),
            SourceTypes.Excel => OpenExcel(source, localPath, displayName, singlePass),
            _ => throw IngestErrors.UnknownSourceType(displayName, source.Type),
        };
    }

    private static OpenedSource OpenExcel(SourceDefinition source, string localPath, string displayName, bool singlePass)
    {
        var options = ExcelOptions(source, displayName) with { SinglePass = singlePass };
        var reader = ExcelTableReader.Open(localPath, options);
        try
        {
            var names = reader.Schema.Columns.Select(c => c.Name).ToArray();
            return new OpenedSource(reader, displayName, reader.SheetName, new SheetColumnLetters(names, reader.ColumnLettersBySheet));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static ITableReader OpenJson(SourceDefinition source, string localPath, string displayName)
    {
        var reader = JsonTableReader.Open(localPath, JsonOptions(source, displayName));
        return source.Schema is { Count: > 0 } schema ? SchemaCastingReader.Wrap(reader, schema, displayName) : reader;
    }
}
