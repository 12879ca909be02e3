using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

/// <summary>A connection in a BEGIN IMMEDIATE transaction holding the process's write turn; rolls back unless committed.</summary>
internal sealed class SqliteWriteScope(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim gate)
    : IAsyncDisposable
{
    private bool _disposed;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public SqliteCommand Command(string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    public Task CommitAsync(CancellationToken ct) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
