namespace FunctionsIngest.Transforms;

/// <summary>
/// What the transforms know about the run and the source: values for the metadata columns, the row numbering, and
/// optionally the spreadsheet letters of the input columns so quarantined rows can name their cell ("C7").
/// </summary>
public sealed record TransformContext
{
    public string? RunId { get; init; }

    /// <summary>The "_ingested_at" value (stored as UTC); default: when the context was created.</summary>
    public DateTimeOffset IngestedAt { get; init; } = DateTimeOffset.UtcNow;

    public string? SourceFile { get; init; }

    public string? Sheet { get; init; }

    /// <summary>
    /// Source row number of the first data row when the batches come without row numbers (e.g. 2 for a sheet whose
    /// header is row 1); rows are then numbered consecutively from it. Readers implementing
    /// Sources.Text.ISourceRowNumbers (CSV, JSON, Excel) give exact numbers instead.
    /// </summary>
    public long FirstRowNumber { get; init; } = 1;

    /// <summary>Where the input columns sit in each sheet read; when set, quarantine rows get a "_cell" column.</summary>
    public SheetColumnLetters? ColumnLetters { get; init; }
}
