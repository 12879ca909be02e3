using FunctionsIngest.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Tests.Store.Sqlite;

/// <summary>A fresh database file in a fresh temp folder per test, deleted afterwards.</summary>
public abstract class SqliteStoreTestBase : IAsyncLifetime
{
    private readonly List<SqliteIngestStore> _opened = [];

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "fi-store-tests", Guid.NewGuid().ToString("N"));

    protected string DatabasePath => Path.Combine(Folder, "data", "ingest.db");

    protected SqliteIngestStore Store { get; private set; } = null!;

    protected virtual bool UseWal => true;

    public virtual async Task InitializeAsync() => Store = await OpenStoreAsync();

    public Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Another store instance on the same file (as a second process would have).</summary>
    protected async Task<SqliteIngestStore> OpenStoreAsync(bool? useWal = null)
    {
        var store = await SqliteIngestStore.OpenAsync(new SqliteStoreOptions
        {
            DatabasePath = DatabasePath,
            UseWal = useWal ?? UseWal,
            BusyTimeout = TimeSpan.FromSeconds(30),
        });
        _opened.Add(store);
        return store;
    }

    /// <summary>A raw connection outside the store, for checking what is really in the file.</summary>
    protected SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    protected object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
