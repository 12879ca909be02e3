using FunctionsIngest.Data;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Sources;

/// <summary>
/// A source file opened as a table: the reader, the name used in messages, the sheet read (null for CSV and JSON),
/// and for spreadsheets where its cells are, so quarantined rows can name their cell ("C7"). Disposing closes the reader.
/// </summary>
public sealed record OpenedSource(ITableReader Reader, string DisplayName, string? Sheet,
    IReadOnlyDictionary<string, string>? ColumnLetters, long FirstRowNumber = 1) : IDisposable
{
    /// <summary>The context transforms need for this file: metadata values, row numbering and cell letters.</summary>
    public TransformContext CreateContext(string? runId, DateTimeOffset ingestedAt) => new()
    {
        RunId = runId,
        IngestedAt = ingestedAt,
        SourceFile = DisplayName,
        Sheet = Sheet,
        FirstRowNumber = FirstRowNumber,
        ColumnLetters = ColumnLetters,
    };

    public void Dispose() => Reader.Dispose();
}
