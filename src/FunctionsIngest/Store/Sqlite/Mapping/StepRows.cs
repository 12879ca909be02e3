using FunctionsIngest.Runs;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>Maps <see cref="RunStep"/> to and from the run_steps table.</summary>
internal static class StepRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "id, run_id, kind, ordinal, status, attempt, lease_owner, lease_expires_at, not_before, " +
        "created_at, started_at, completed_at, rows, input, output, error";

    /// <summary>Inserts one step; the id is assigned by the database.</summary>
    public const string InsertSql =
        "INSERT INTO run_steps (run_id, kind, ordinal, status, attempt, lease_owner, lease_expires_at, " +
        "not_before, created_at, started_at, completed_at, rows, input, output, error) VALUES (@run_id, @kind, " +
        "@ordinal, @status, @attempt, @lease_owner, @lease_expires_at, @not_before, @created_at, @started_at, " +
        "@completed_at, @rows, @input, @output, @error)";

    public static RunStep Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        RunId = r.GetString(1),
        Kind = SqliteValues.ParseEnum<StepKind>(r.GetString(2)),
        Ordinal = r.GetInt32(3),
        Status = SqliteValues.ParseEnum<StepStatus>(r.GetString(4)),
        Attempt = r.GetInt32(5),
        LeaseOwner = r.GetStringOrNull(6),
        LeaseExpiresAt = r.GetInstantOrNull(7),
        NotBefore = r.GetInstantOrNull(8),
        CreatedAt = r.GetInstant(9),
        StartedAt = r.GetInstantOrNull(10),
        CompletedAt = r.GetInstantOrNull(11),
        Rows = r.GetInt64(12),
        Input = r.GetStringOrNull(13),
        Output = r.GetStringOrNull(14),
        Error = r.GetStringOrNull(15),
    };

    /// <summary>Binds a parameter named like each column except id (@run_id, @kind, ...).</summary>
    public static void Bind(SqliteCommand cmd, RunStep step)
    {
        var p = cmd.Parameters;
        p.AddWithValue("@run_id", step.RunId);
        p.AddWithValue("@kind", SqliteValues.ToText(step.Kind));
        p.AddWithValue("@ordinal", step.Ordinal);
        p.AddWithValue("@status", SqliteValues.ToText(step.Status));
        p.AddWithValue("@attempt", step.Attempt);
        p.AddWithValue("@lease_owner", SqliteValues.ToDb(step.LeaseOwner));
        p.AddWithValue("@lease_expires_at", SqliteValues.ToDb(step.LeaseExpiresAt));
        p.AddWithValue("@not_before", SqliteValues.ToDb(step.NotBefore));
        p.AddWithValue("@created_at", SqliteValues.ToText(step.CreatedAt));
        p.AddWithValue("@started_at", SqliteValues.ToDb(step.StartedAt));
        p.AddWithValue("@completed_at", SqliteValues.ToDb(step.CompletedAt));
        p.AddWithValue("@rows", step.Rows);
        p.AddWithValue("@input", SqliteValues.ToDb(step.Input));
        p.AddWithValue("@output", SqliteValues.ToDb(step.Output));
        p.AddWithValue("@error", SqliteValues.ToDb(step.Error));
    }
}
