using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms;

/// <summary>An input column as far as it is known: its name, and its type when known.</summary>
public sealed record TransformInputColumn(string Name, ColumnType? Type);

/// <summary>
/// What is known of the transforms' input before its data is read: the exact schema (a file read at save time), the
/// names without types (a header-only peek), or some columns of a source that may have others (a declared schema, or
/// nothing at all before the first file arrives).
/// </summary>
public sealed record TransformInput(IReadOnlyList<TransformInputColumn> Columns, bool MoreColumnsMayExist)
{
    public static TransformInput Exactly(TableSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new(schema.Columns.Select(c => new TransformInputColumn(c.Name, c.Type)).ToArray(), false);
    }

    /// <summary>Nothing is known: every column a spec names is assumed to exist, with an unknown type.</summary>
    public static TransformInput Unknown { get; } = new([], true);
}

/// <summary>
/// The outcome of checking specs against a <see cref="TransformInput"/>: the problems, and the columns the specs name
/// that were assumed to exist because the input may hold more columns than known (check those when the data is there).
/// </summary>
public sealed record TransformCheck(IReadOnlyList<TransformError> Errors, IReadOnlyList<string> AssumedColumns)
{
    public bool IsValid => Errors.Count == 0;
}
