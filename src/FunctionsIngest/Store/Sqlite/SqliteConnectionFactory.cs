using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

/// <summary>
/// Opens configured connections to the store's file (one per operation; Microsoft.Data.Sqlite pools them)
/// and hands out write scopes: one writer at a time per process, in a BEGIN IMMEDIATE transaction.
/// </summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly string _pragmas;
    // In-process writers queue here asynchronously instead of spinning in SQLite's busy handler on a
    // thread-pool thread; the busy timeout still covers other processes (a CLI next to the server).
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteConnectionFactory(SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        if (options.BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "BusyTimeout must not be negative.");
        }

        _options = options;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite also retries SQLITE_BUSY for the command timeout; 0 there would mean for ever.
            DefaultTimeout = (int)Math.Clamp(Math.Ceiling(options.BusyTimeout.TotalSeconds), 1, int.MaxValue),
        }.ToString();
        var busyMs = (long)Math.Min(options.BusyTimeout.TotalMilliseconds, int.MaxValue);
        // synchronous is per connection. NORMAL is safe with WAL (a crash may lose the last commits, never
        // corrupts); a rollback journal keeps the default FULL.
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = {(options.UseWal ? "NORMAL" : "FULL")};");
    }

    public string ConnectionString { get; }

    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    /// <summary>An open connection with the per-connection pragmas applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            using var cmd = connection.CreateCommand();
            cmd.CommandText = _pragmas;
            await cmd.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets the file's journal mode (persistent in the file) and returns what SQLite reports.</summary>
    public async Task<string> SetJournalModeAsync(SqliteConnection connection, CancellationToken ct)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _options.UseWal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE";
        var mode = Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
        var wanted = _options.UseWal ? "wal" : "delete";
        return string.Equals(mode, wanted, StringComparison.OrdinalIgnoreCase)
            ? mode
            : throw new InvalidOperationException(
                $"SQLite refused journal_mode={wanted} for '{DatabasePath}' (it reports '{mode}').");
    }

    /// <summary>Waits for this process's write turn, opens a connection and begins an IMMEDIATE transaction.</summary>
    public async Task<SqliteWriteScope> BeginWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken (waiting on busy_timeout) now, not at the
            // first write, so a transaction never fails half-way with "database is locked" on a lock upgrade.
            var tx = connection.BeginTransaction(deferred: false);
            return new SqliteWriteScope(connection, tx, _writeGate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Closes the pooled connections to the file (so it can be moved or deleted).</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }
}
