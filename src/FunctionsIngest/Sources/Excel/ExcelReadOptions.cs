namespace FunctionsIngest.Sources.Excel;

/// <summary>Which sheet of a workbook to read, where its header row is, and how the file is named in messages.</summary>
public sealed record ExcelReadOptions
{
    /// <summary>Sheet name (case-insensitive, exact match first) or a 1-based index written as digits; null = the first sheet in tab order.</summary>
    public string? Sheet { get; init; }

    /// <summary>1-based row holding the column names; data starts on the next row.</summary>
    public int HeaderRow { get; init; } = 1;

    /// <summary>Rows per batch; lowered for very wide sheets so a batch holds at most about 4 M cells.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>The name used for the file in every error and warning; default: the file name.</summary>
    public string? DisplayName { get; init; }
}
