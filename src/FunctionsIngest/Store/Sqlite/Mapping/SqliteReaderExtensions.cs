using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>Null-aware column reads shared by the row mappers.</summary>
internal static class SqliteReaderExtensions
{
    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetInstant(this SqliteDataReader reader, int ordinal) =>
        SqliteValues.ParseInstant(reader.GetString(ordinal));

    public static DateTimeOffset? GetInstantOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteValues.ParseInstant(reader.GetString(ordinal));

    /// <summary>The column list with every name prefixed by a table alias, for joins.</summary>
    public static string Qualify(string columns, string alias) =>
        string.Join(", ", columns.Split(',').Select(c => $"{alias}.{c.Trim()}"));
}
