namespace FunctionsIngest.Data;

/// <summary>
/// A failure reading or writing data that says where: file, sheet, cell, column.
/// <see cref="IsTransient"/> tells the run engine whether a retry can help.
/// </summary>
public sealed class IngestException : Exception
{
    public IngestException(string message, Exception? inner = null) : base(message, inner) { }

    public string? File { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }
    public string? Column { get; init; }
    public bool IsTransient { get; init; }
}
