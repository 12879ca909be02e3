using FunctionsIngest.Runs;
using FunctionsIngest.Store.Sqlite.Mapping;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

public sealed partial class SqliteIngestStore
{
    private const string SchedulerCursorKey = "scheduler.cursor";

    private static readonly string ActiveRunSql =
        $"SELECT {RunRows.Columns} FROM runs WHERE job_id = @job_id AND status IN ('Pending', 'Running') ORDER BY created_at, id LIMIT 1";

    public async Task<RunAdmission> TryCreateRunAsync(RunRecord run, IReadOnlyList<RunStep> steps, bool exclusive, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = await BeginWriteAsync(ct);
        if (exclusive)
        {
            using var active = scope.Command(ActiveRunSql);
            active.Parameters.AddWithValue("@job_id", run.JobId);
            await using var reader = await active.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
                return new RunAdmission(false, RunRows.Read(reader));
        }
        using (var cmd = scope.Command(InsertRunSql))
        {
            RunRows.Bind(cmd, run);
            try
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintUnique && run.ScheduledFor is not null)
            {
                return new RunAdmission(false, AlreadyScheduled: true);
            }
        }
        await InsertStepsAsync(scope, steps, ct);
        await scope.CommitAsync(ct);
        return RunAdmission.Accepted;
    }

    public async Task<IReadOnlyList<RunRecord>> GetActiveRunsAsync(string jobId, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection,
            $"SELECT {RunRows.Columns} FROM runs WHERE job_id = @job_id AND status IN ('Pending', 'Running') ORDER BY created_at, id");
        cmd.Parameters.AddWithValue("@job_id", jobId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(ct))
            runs.Add(RunRows.Read(reader));
        return runs;
    }

    public async Task<CancelOutcome> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var scope = await BeginWriteAsync(ct);
        string status;
        using (var read = scope.Command("SELECT status FROM runs WHERE id = @id"))
        {
            read.Parameters.AddWithValue("@id", runId);
            if (await read.ExecuteScalarAsync(ct) is not string s)
                return CancelOutcome.NotFound;
            status = s;
        }
        if (SqliteValues.ParseEnum<RunStatus>(status).IsFinal())
            return CancelOutcome.AlreadyFinal;
        using (var committing = scope.Command("SELECT COUNT(*) FROM run_steps WHERE run_id = @id AND kind = 'Commit' AND status IN ('Running', 'Completed')"))
        {
            committing.Parameters.AddWithValue("@id", runId);
            if ((long)(await committing.ExecuteScalarAsync(ct))! > 0)
                return CancelOutcome.Committing;
        }
        using (var cancel = scope.Command(
            "UPDATE runs SET status = 'Canceled', error = @reason, completed_at = @now, last_updated_at = @now WHERE id = @id"))
        {
            cancel.Parameters.AddWithValue("@id", runId);
            cancel.Parameters.AddWithValue("@reason", reason);
            cancel.Parameters.AddWithValue("@now", SqliteValues.ToText(now));
            await cancel.ExecuteNonQueryAsync(ct);
        }
        await scope.CommitAsync(ct);
        return CancelOutcome.Canceled;
    }

    public async Task<bool> DeleteRunAsync(string runId, CancellationToken ct = default)
    {
        await using var scope = await BeginWriteAsync(ct);
        foreach (var sql in new[] { "DELETE FROM run_logs WHERE run_id = @id", "DELETE FROM run_steps WHERE run_id = @id" })
        {
            using var cmd = scope.Command(sql);
            cmd.Parameters.AddWithValue("@id", runId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        using var run = scope.Command("DELETE FROM runs WHERE id = @id");
        run.Parameters.AddWithValue("@id", runId);
        var deleted = await run.ExecuteNonQueryAsync(ct) == 1;
        await scope.CommitAsync(ct);
        return deleted;
    }

    private const string ScheduledJobsSql =
        "SELECT id, schedule, time_zone, catch_up, updated_at FROM jobs WHERE schedule IS NOT NULL AND enabled = 1";

    public async Task<IReadOnlyList<ScheduledJob>> ListScheduledJobsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, ScheduledJobsSql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var jobs = new List<ScheduledJob>();
        // SQLite reads are synchronous underneath; the async path only adds per-row overhead on a 10,000-row scan.
        while (reader.Read())
            jobs.Add(new ScheduledJob(reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetString(3), reader.GetInstant(4)));
        return jobs;
    }

    public async Task<DateTimeOffset?> GetSchedulerCursorAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, "SELECT value FROM scheduler_state WHERE key = @key");
        cmd.Parameters.AddWithValue("@key", SchedulerCursorKey);
        return await cmd.ExecuteScalarAsync(ct) is string text ? SqliteValues.ParseInstant(text) : null;
    }

    public async Task SetSchedulerCursorAsync(DateTimeOffset cursor, CancellationToken ct = default)
    {
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(
            "INSERT INTO scheduler_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        cmd.Parameters.AddWithValue("@key", SchedulerCursorKey);
        cmd.Parameters.AddWithValue("@value", SqliteValues.ToText(cursor));
        await cmd.ExecuteNonQueryAsync(ct);
        await scope.CommitAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, FileVersion>> GetWatermarkAsync(string jobId, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, "SELECT file, size, modified FROM job_watermarks WHERE job_id = @job_id");
        cmd.Parameters.AddWithValue("@job_id", jobId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var files = new Dictionary<string, FileVersion>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            files[reader.GetString(0)] = new FileVersion(reader.GetString(0), reader.GetInt64(1), reader.GetInstant(2));
        return files;
    }

    public async Task AdvanceWatermarkAsync(string jobId, IReadOnlyList<FileVersion> files, CancellationToken ct = default)
    {
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(
            "INSERT INTO job_watermarks (job_id, file, size, modified) VALUES (@job_id, @file, @size, @modified) " +
            "ON CONFLICT (job_id, file) DO UPDATE SET size = excluded.size, modified = excluded.modified");
        foreach (var file in files)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("@job_id", jobId);
            cmd.Parameters.AddWithValue("@file", file.File);
            cmd.Parameters.AddWithValue("@size", file.Size);
            cmd.Parameters.AddWithValue("@modified", SqliteValues.ToText(file.Modified));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await scope.CommitAsync(ct);
    }
}
