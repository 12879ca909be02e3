using FunctionsIngest.Data;

namespace FunctionsIngest.Jobs.Validation;

/// <summary>The declared schema of a source: names present and unique, formats that fit their type.</summary>
internal static class SchemaRules
{
    public static void Check(SourceDefinition source, FieldErrors errors)
    {
        if (source.Schema is not { } schema)
            return;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < schema.Count; i++)
        {
            var field = $"source.schema[{i}]";
            var column = schema[i];
            if (column is null)
            {
                errors.Add(field, "must be an object with name and type.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(column.Name))
                errors.Add(field + ".name", "must be a non-empty column name.");
            else if (!seen.Add(column.Name))
                errors.Add(field + ".name", $"the column '{column.Name}' is declared more than once.");
            if (!Enum.IsDefined(column.Type))
                errors.Add(field + ".type", $"is not a column type; use one of: {string.Join(", ", Enum.GetNames<ColumnType>())}.");
            if (column.Format is { } format)
                CheckFormat(column, format, field + ".format", errors);
        }
    }

    private static void CheckFormat(SchemaColumn column, string format, string field, FieldErrors errors)
    {
        switch (column.Type)
        {
            case ColumnType.Boolean when format.Split('|') is not [{ Length: > 0 }, { Length: > 0 }]:
                errors.Add(field, $"a Boolean format is \"true text|false text\", e.g. \"yes|no\"; '{format}' is not.");
                break;
            case ColumnType.String or ColumnType.Int64 or ColumnType.Double:
                errors.Add(field, $"a format applies to Date, Timestamp, Time and Boolean columns, not {column.Type}.");
                break;
            case ColumnType.Date or ColumnType.Timestamp or ColumnType.Time when format.Trim().Length == 0:
                errors.Add(field, "must be a .NET date/time format such as 'dd/MM/yyyy'.");
                break;
        }
    }
}
