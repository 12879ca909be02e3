namespace FunctionsIngest.Data;

/// <summary>A non-fatal finding while reading a source, with where it happened (e.g. "Sheet1!C7").</summary>
public sealed record SourceWarning(string Message, string? Location = null);
