using FunctionsIngest.Store.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

/// <summary>
/// <see cref="IIngestStore"/> on one SQLite file: WAL by default, rollback journal for network shares.
/// Call <see cref="InitializeAsync"/> (or use <see cref="OpenAsync"/>) before anything else.
/// </summary>
public sealed partial class SqliteIngestStore : IIngestStore, IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private volatile bool _initialized;

    public SqliteIngestStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _connections = new SqliteConnectionFactory(options);
    }

    public SqliteStoreOptions Options { get; }

    /// <summary>Creates and initializes a store in one call.</summary>
    public static async Task<SqliteIngestStore> OpenAsync(SqliteStoreOptions options, CancellationToken ct = default)
    {
        var store = new SqliteIngestStore(options);
        try
        {
            await store.InitializeAsync(ct);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Creates the folder and file if missing, sets the journal mode and applies pending migrations. Idempotent.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(_connections.DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = await _connections.OpenAsync(ct);
        await using (connection)
        {
            await _connections.SetJournalModeAsync(connection, ct);
            SchemaVersion = await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.All, ct);
        }

        _initialized = true;
    }

    /// <summary>The schema version after <see cref="InitializeAsync"/>.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose() => _connections.Dispose();

    private async Task<SqliteConnection> OpenReadAsync(CancellationToken ct)
    {
        EnsureInitialized();
        return await _connections.OpenAsync(ct);
    }

    private Task<SqliteWriteScope> BeginWriteAsync(CancellationToken ct)
    {
        EnsureInitialized();
        return _connections.BeginWriteAsync(ct);
    }

    private void EnsureInitialized()
    {
        if (!_initialized)
        {
            throw new InvalidOperationException("SqliteIngestStore.InitializeAsync has not been called.");
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void CheckPaging(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
    }
}
