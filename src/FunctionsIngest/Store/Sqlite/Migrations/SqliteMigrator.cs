using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>Brings a database up to the newest schema: all pending migrations in one IMMEDIATE transaction.</summary>
internal static class SqliteMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    /// <summary>Applies what is missing and returns the schema version the database is now at.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations,
        CancellationToken ct)
    {
        // IMMEDIATE: two processes starting together queue here, and the second sees the first one's work.
        using var tx = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, tx, CreateVersionTable, ct);
        var current = await CurrentVersionAsync(connection, tx, ct);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > newest)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({newest}). Upgrade the app.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, tx, migration.Sql, ct);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)";
            record.Parameters.AddWithValue("@v", migration.Version);
            record.Parameters.AddWithValue("@n", migration.Name);
            record.Parameters.AddWithValue("@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(ct);
            current = migration.Version;
        }

        tx.Commit();
        return current;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken ct)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
