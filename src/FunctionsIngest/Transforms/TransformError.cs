namespace FunctionsIngest.Transforms;

/// <summary>One problem with a transform list: the 0-based index of the spec, its type, the column at fault if one, and the message.</summary>
public sealed record TransformError(int Index, string Kind, string? Column, string Message);
