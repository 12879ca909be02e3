using FunctionsIngest.Runs;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>Maps <see cref="RunLogEntry"/> to and from the run_logs table.</summary>
internal static class LogRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "id, run_id, ts, level, step, message, data";

    public const string InsertSql =
        "INSERT INTO run_logs (run_id, ts, level, step, message, data) " +
        "VALUES (@run_id, @ts, @level, @step, @message, @data)";

    public static RunLogEntry Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        RunId = r.GetString(1),
        Timestamp = r.GetInstant(2),
        Level = (RunLogLevel)r.GetInt32(3),
        Step = r.GetString(4),
        Message = r.GetString(5),
        Data = r.GetStringOrNull(6),
    };
}
