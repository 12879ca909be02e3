namespace FunctionsIngest.Data;

/// <summary>The ordered columns of a table. Names are unique (case-insensitively).</summary>
public sealed class TableSchema
{
    public TableSchema(IReadOnlyList<ColumnSchema> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (!seen.Add(column.Name))
                throw new ArgumentException($"Duplicate column name '{column.Name}'.", nameof(columns));
        }
        Columns = columns;
    }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public int Count => Columns.Count;

    public ColumnSchema this[int index] => Columns[index];
}
