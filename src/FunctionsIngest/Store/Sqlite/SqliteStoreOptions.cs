namespace FunctionsIngest.Store.Sqlite;

/// <summary>Where the SQLite store keeps its file and how it opens it.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Path of the database file; its folder is created if missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// Write-ahead log (the default). Turn off for a database on a network file system such as an
    /// Azure Files share, where WAL's shared-memory index does not work: the store then uses a rollback journal.
    /// </summary>
    public bool UseWal { get; init; } = true;

    /// <summary>How long a writer waits for another connection's lock before failing with SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
