using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// A column whose type is given instead of inferred. <see cref="Format"/> is a .NET date/time format for Date,
/// Timestamp and Time, or "yes|no" (true text|false text) for Boolean; null = the inference rules' formats.
/// </summary>
public sealed record ColumnOverride(string Name, ColumnType Type, string? Format = null, bool Nullable = true);
