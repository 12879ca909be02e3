namespace FunctionsIngest.Data;

/// <summary>One column of a table: its unique name, type and whether it may hold nulls.</summary>
public sealed record ColumnSchema(string Name, ColumnType Type, bool Nullable = true);
