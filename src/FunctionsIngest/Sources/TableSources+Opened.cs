using FunctionsIngest.Data;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Sources;

/// <summary>
/// A source file opened as a table: the reader, the name used in messages, the sheet read (null for CSV and JSON),
/// and for spreadsheets where its cells are, so quarantined rows can name their cell ("C7"). Disposing closes the reader.
/// </summary>
public sealed record OpenedSource(ITableReader Reader, string DisplayName, string? Sheet, SheetColumnLetters? ColumnLetters) : IDisposable
{
    /// <summary>The context transforms need for this file: metadata values and cell letters (every reader numbers its own rows).</summary>
    public TransformContext CreateContext(string? runId, DateTimeOffset ingestedAt) => new()
    {
        RunId = runId,
        IngestedAt = ingestedAt,
        SourceFile = DisplayName,
        Sheet = Sheet,
        ColumnLetters = ColumnLetters,
    };

    public void Dispose() => Reader.Dispose();
}
