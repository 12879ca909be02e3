using FunctionsIngest.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqlitePragmaTests : SqliteStoreTestBase
{
    [Fact]
    public void Wal_is_on_by_default()
    {
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.True(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task UseWal_false_gives_a_rollback_journal_even_on_a_file_that_was_in_wal()
    {
        Store.Dispose();

        await OpenStoreAsync(useWal: false);

        Assert.Equal("delete", Scalar("PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData(true, 1L)] // NORMAL with WAL
    [InlineData(false, 2L)] // FULL with a rollback journal
    public async Task Every_connection_gets_busy_timeout_foreign_keys_and_synchronous(bool useWal, long synchronous)
    {
        using var factory = new SqliteConnectionFactory(new SqliteStoreOptions
        {
            DatabasePath = DatabasePath, UseWal = useWal, BusyTimeout = TimeSpan.FromSeconds(7),
        });
        await using var connection = await factory.OpenAsync(CancellationToken.None);

        Assert.Equal(7000L, Pragma(connection, "busy_timeout"));
        Assert.Equal(1L, Pragma(connection, "foreign_keys"));
        Assert.Equal(synchronous, Pragma(connection, "synchronous"));
    }

    [Fact]
    public async Task A_write_scope_holds_the_write_lock_from_its_first_statement()
    {
        using var factory = new SqliteConnectionFactory(new SqliteStoreOptions { DatabasePath = DatabasePath });
        await using var scope = await factory.BeginWriteAsync(CancellationToken.None);

        // No statement has run inside the scope yet; BEGIN IMMEDIATE already took the RESERVED lock.
        using var other = OpenRaw();
        using (var noWait = other.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout = 0";
            noWait.ExecuteNonQuery();
        }

        // A separate command: in one multi-statement command Microsoft.Data.Sqlite did not surface the BUSY error.
        using var cmd = other.CreateCommand();
        cmd.CommandText = "BEGIN IMMEDIATE";
        cmd.CommandTimeout = 1; // Microsoft.Data.Sqlite itself retries SQLITE_BUSY until the command timeout
        var e = Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());

        Assert.Equal(5, e.SqliteErrorCode); // SQLITE_BUSY
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + name;
        return (long)cmd.ExecuteScalar()!;
    }
}
