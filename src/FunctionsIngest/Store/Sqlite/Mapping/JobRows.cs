using FunctionsIngest.Jobs;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>Maps <see cref="Job"/> to and from the jobs table (the name lives in the definition JSON and in two columns).</summary>
internal static class JobRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "id, definition, created_at, updated_at";
    public const int ColumnCount = 4;

    public static Job Read(SqliteDataReader r, int at = 0) => new(
        Id: r.GetString(at),
        Definition: StoreJson.DeserializeDefinition(r.GetString(at + 1)),
        CreatedAt: r.GetInstant(at + 2),
        UpdatedAt: r.GetInstant(at + 3));

    /// <summary>Binds @id, @name, @name_key, @definition, @created_at, @updated_at and the schedule columns.</summary>
    public static void Bind(SqliteCommand cmd, Job job)
    {
        cmd.Parameters.AddWithValue("@id", job.Id);
        cmd.Parameters.AddWithValue("@name", job.Definition.Name);
        cmd.Parameters.AddWithValue("@name_key", NameKey(job.Definition.Name));
        cmd.Parameters.AddWithValue("@definition", StoreJson.Serialize(job.Definition));
        cmd.Parameters.AddWithValue("@created_at", SqliteValues.ToText(job.CreatedAt));
        cmd.Parameters.AddWithValue("@updated_at", SqliteValues.ToText(job.UpdatedAt));
        cmd.Parameters.AddWithValue("@schedule", SqliteValues.ToDb(job.Definition.Schedule));
        cmd.Parameters.AddWithValue("@time_zone", SqliteValues.ToDb(job.Definition.TimeZone));
        cmd.Parameters.AddWithValue("@catch_up", job.Definition.CatchUp);
        cmd.Parameters.AddWithValue("@enabled", job.Definition.Enabled ? 1 : 0);
    }

    /// <summary>
    /// The unique key behind "names are unique case-insensitively". SQLite's NOCASE folds ASCII only,
    /// so "Zürich" and "ZÜRICH" would both pass it; the key folds all of Unicode's simple case mappings.
    /// </summary>
    public static string NameKey(string name) => name.ToUpperInvariant();
}
