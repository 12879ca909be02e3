using FunctionsIngest.Runs;
using FunctionsIngest.Store.Sqlite.Mapping;

namespace FunctionsIngest.Store.Sqlite;

public sealed partial class SqliteIngestStore
{
    // RunStatusExtensions.IsFinal as SQL; a test claims from a run in every RunStatus so the two cannot drift.
    private const string FinalRunStatusList = "'Completed', 'Failed', 'Canceled', 'Terminated'";

    // One statement, so the pick and the take cannot be split by another writer (and the write lock is
    // already held: BEGIN IMMEDIATE). "status IN (...)" repeats the partial index's condition so SQLite
    // may use ix_run_steps_claimable, which holds only unfinished steps in id order.
    // A Running step without a lease expiry is treated as expired, so it cannot be stuck for ever.
    // A Commit step waits until every Copy step of its run is Completed (the run's only dependency).
    // The Plan step of a run whose job has overlap "queue" waits until the job's earlier runs are final.
    private const string ClaimableWhere = $"""
            s.status IN ('Pending', 'Running')
              AND ((s.status = 'Pending' AND (s.not_before IS NULL OR s.not_before <= @now))
                OR (s.status = 'Running' AND (s.lease_expires_at IS NULL OR s.lease_expires_at < @now)))
              AND r.status NOT IN ({FinalRunStatusList})
              AND (@run_id IS NULL OR s.run_id = @run_id)
              AND (s.kind <> 'Commit' OR NOT EXISTS (
                SELECT 1 FROM run_steps c WHERE c.run_id = s.run_id AND c.kind = 'Copy' AND c.status <> 'Completed'))
              AND (s.kind <> 'Plan' OR json_extract(r.job_snapshot, '$.overlap') IS NOT 'queue' OR NOT EXISTS (
                SELECT 1 FROM runs e WHERE e.job_id = r.job_id AND e.status IN ('Pending', 'Running')
                  AND (e.created_at < r.created_at OR (e.created_at = r.created_at AND e.id < r.id))))
        """;

    internal const string ClaimStepSql = $"""
        UPDATE run_steps
        SET status = 'Running', lease_owner = @owner, lease_expires_at = @expires, attempt = attempt + 1, started_at = @now
        WHERE id = (
            SELECT s.id FROM run_steps s JOIN runs r ON r.id = s.run_id
            WHERE {ClaimableWhere}
            ORDER BY s.id
            LIMIT 1)
        RETURNING {StepRows.Columns}
        """;

    private const string ClaimableCountsSql = $"""
        SELECT s.run_id, COUNT(*) FROM run_steps s JOIN runs r ON r.id = s.run_id
        WHERE {ClaimableWhere}
        GROUP BY s.run_id
        """;

    public async Task<IReadOnlyDictionary<string, int>> CountClaimableStepsAsync(DateTimeOffset now, string? runId = null, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, ClaimableCountsSql);
        cmd.Parameters.AddWithValue("@now", SqliteValues.ToText(now));
        cmd.Parameters.AddWithValue("@run_id", SqliteValues.ToDb(runId));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    // Attempt, started_at, created_at, kind, ordinal and input belong to the store or are fixed at creation.
    private const string FinishStepSql =
        "UPDATE run_steps SET status = @status, lease_owner = @lease_owner, lease_expires_at = @lease_expires_at, " +
        "not_before = @not_before, completed_at = @completed_at, rows = @rows, output = @output, error = @error " +
        "WHERE id = @id AND status = 'Running' AND lease_owner = @owner";

    // A step of a run that became final (cancelled) loses its lease, which tells its worker to stop.
    private static readonly string RenewLeaseSql =
        "UPDATE run_steps SET lease_expires_at = @expires WHERE id = @id AND status = 'Running' AND lease_owner = @owner " +
        $"AND EXISTS (SELECT 1 FROM runs r WHERE r.id = run_steps.run_id AND r.status NOT IN ({FinalRunStatusList}))";

    public async Task<bool> RenewLeaseAsync(long stepId, string owner, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(RenewLeaseSql);
        cmd.Parameters.AddWithValue("@id", stepId);
        cmd.Parameters.AddWithValue("@owner", owner);
        cmd.Parameters.AddWithValue("@expires", SqliteValues.ToText(expiresAt));
        var renewed = await cmd.ExecuteNonQueryAsync(ct) == 1;
        await scope.CommitAsync(ct);
        return renewed;
    }

    public async Task<IReadOnlyList<RunStep>> GetStepsAsync(string runId, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, $"SELECT {StepRows.Columns} FROM run_steps WHERE run_id = @run_id ORDER BY id");
        cmd.Parameters.AddWithValue("@run_id", runId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var steps = new List<RunStep>();
        while (await reader.ReadAsync(ct))
        {
            steps.Add(StepRows.Read(reader));
        }

        return steps;
    }

    public Task<RunStep?> ClaimStepAsync(string owner, TimeSpan lease, DateTimeOffset now, CancellationToken ct = default) =>
        ClaimStepAsync(owner, lease, now, null, ct);

    public async Task<RunStep?> ClaimStepAsync(string owner, TimeSpan lease, DateTimeOffset now, string? runId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(ClaimStepSql);
        cmd.Parameters.AddWithValue("@owner", owner);
        cmd.Parameters.AddWithValue("@now", SqliteValues.ToText(now));
        cmd.Parameters.AddWithValue("@expires", SqliteValues.ToText(now + lease));
        cmd.Parameters.AddWithValue("@run_id", SqliteValues.ToDb(runId));
        RunStep? claimed = null;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                claimed = StepRows.Read(reader);
            }
        }

        await scope.CommitAsync(ct);
        return claimed;
    }

    public Task<bool> FinishStepAsync(RunStep step, string owner, IReadOnlyList<RunStep> next, CancellationToken ct = default) =>
        FinishStepAsync(step, owner, next, null, ct);

    public async Task<bool> FinishStepAsync(RunStep step, string owner, IReadOnlyList<RunStep> next, RunRecord? run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(next);
        if (step.Status == StepStatus.Running)
        {
            throw new ArgumentException("A finished step is Completed, Failed or Pending (rescheduled), not Running.",
                nameof(step));
        }

        await using var scope = await BeginWriteAsync(ct);
        using (var cmd = scope.Command(FinishStepSql))
        {
            StepRows.Bind(cmd, step);
            cmd.Parameters.AddWithValue("@id", step.Id);
            cmd.Parameters.AddWithValue("@owner", owner);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            {
                return false; // lease lost: nothing written, the next steps are not added (rolled back on dispose)
            }
        }

        await InsertStepsAsync(scope, next, ct);
        if (run is not null)
        {
            using var update = scope.Command(UpdateActiveRunSql);
            RunRows.Bind(update, run);
            await update.ExecuteNonQueryAsync(ct);
        }

        await scope.CommitAsync(ct);
        return true;
    }

    private static async Task InsertStepsAsync(SqliteWriteScope scope, IReadOnlyList<RunStep> steps, CancellationToken ct)
    {
        if (steps.Count == 0)
        {
            return;
        }

        using var cmd = scope.Command(StepRows.InsertSql);
        foreach (var step in steps)
        {
            cmd.Parameters.Clear();
            StepRows.Bind(cmd, step);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
