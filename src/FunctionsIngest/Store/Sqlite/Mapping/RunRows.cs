using FunctionsIngest.Runs;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>Maps <see cref="RunRecord"/> to and from the runs table.</summary>
internal static class RunRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "id, job_id, job_name, trigger, status, created_at, last_updated_at, started_at, completed_at, " +
        "rows_read, rows_written, output, error, custom_status, job_snapshot, scheduled_for, rerun_of, rows_quarantined";

    public static RunRecord Read(SqliteDataReader r, int at = 0) => new()
    {
        Id = r.GetString(at),
        JobId = r.GetString(at + 1),
        JobName = r.GetString(at + 2),
        Trigger = r.GetString(at + 3),
        Status = SqliteValues.ParseEnum<RunStatus>(r.GetString(at + 4)),
        CreatedAt = r.GetInstant(at + 5),
        LastUpdatedAt = r.GetInstant(at + 6),
        StartedAt = r.GetInstantOrNull(at + 7),
        CompletedAt = r.GetInstantOrNull(at + 8),
        RowsRead = r.GetInt64(at + 9),
        RowsWritten = r.GetInt64(at + 10),
        Output = StoreJson.DeserializeOutput(r.GetString(at + 11)),
        Error = r.GetStringOrNull(at + 12),
        CustomStatus = r.GetStringOrNull(at + 13),
        JobSnapshot = r.GetString(at + 14),
        ScheduledFor = r.GetInstantOrNull(at + 15),
        RerunOf = r.GetStringOrNull(at + 16),
        RowsQuarantined = r.GetInt64(at + 17),
    };

    /// <summary>Binds a parameter named like each column (@id, @job_id, ...).</summary>
    public static void Bind(SqliteCommand cmd, RunRecord run)
    {
        var p = cmd.Parameters;
        p.AddWithValue("@id", run.Id);
        p.AddWithValue("@job_id", run.JobId);
        p.AddWithValue("@job_name", run.JobName);
        p.AddWithValue("@trigger", run.Trigger);
        p.AddWithValue("@status", SqliteValues.ToText(run.Status));
        p.AddWithValue("@created_at", SqliteValues.ToText(run.CreatedAt));
        p.AddWithValue("@last_updated_at", SqliteValues.ToText(run.LastUpdatedAt));
        p.AddWithValue("@started_at", SqliteValues.ToDb(run.StartedAt));
        p.AddWithValue("@completed_at", SqliteValues.ToDb(run.CompletedAt));
        p.AddWithValue("@rows_read", run.RowsRead);
        p.AddWithValue("@rows_written", run.RowsWritten);
        p.AddWithValue("@output", StoreJson.Serialize(run.Output));
        p.AddWithValue("@error", SqliteValues.ToDb(run.Error));
        p.AddWithValue("@custom_status", SqliteValues.ToDb(run.CustomStatus));
        p.AddWithValue("@job_snapshot", run.JobSnapshot);
        p.AddWithValue("@scheduled_for", SqliteValues.ToDb(run.ScheduledFor));
        p.AddWithValue("@rerun_of", SqliteValues.ToDb(run.RerunOf));
        p.AddWithValue("@rows_quarantined", run.RowsQuarantined);
    }
}
