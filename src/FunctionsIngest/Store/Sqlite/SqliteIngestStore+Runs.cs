using System.Globalization;
using FunctionsIngest.Runs;
using FunctionsIngest.Store.Sqlite.Mapping;

namespace FunctionsIngest.Store.Sqlite;

public sealed partial class SqliteIngestStore
{
    private const string InsertRunSql =
        "INSERT INTO runs (id, job_id, job_name, trigger, status, created_at, last_updated_at, started_at, " +
        "completed_at, rows_read, rows_written, output, error, custom_status, job_snapshot, scheduled_for, rerun_of, rows_quarantined) " +
        "VALUES (@id, @job_id, @job_name, @trigger, @status, @created_at, @last_updated_at, @started_at, @completed_at, " +
        "@rows_read, @rows_written, @output, @error, @custom_status, @job_snapshot, @scheduled_for, @rerun_of, @rows_quarantined)";

    // Only the mutable fields: id, job, trigger, created_at and the job snapshot are fixed at creation.
    private const string UpdateRunSql =
        "UPDATE runs SET status = @status, last_updated_at = @last_updated_at, started_at = @started_at, " +
        "completed_at = @completed_at, rows_read = @rows_read, rows_written = @rows_written, rows_quarantined = @rows_quarantined, output = @output, " +
        "error = @error, custom_status = @custom_status WHERE id = @id";

    // A final run (Completed, Failed, Canceled) is never changed back by a worker that read it earlier.
    private const string UpdateActiveRunSql = UpdateRunSql + " AND status IN ('Pending', 'Running')";

    public async Task<bool> UpdateActiveRunAsync(RunRecord run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(UpdateActiveRunSql);
        RunRows.Bind(cmd, run);
        var updated = await cmd.ExecuteNonQueryAsync(ct) == 1;
        await scope.CommitAsync(ct);
        return updated;
    }

    public async Task CreateRunAsync(RunRecord run, IReadOnlyList<RunStep> steps, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.FirstOrDefault(s => s.RunId != run.Id) is { } stray)
        {
            throw new ArgumentException($"Step {stray.Kind}[{stray.Ordinal}] belongs to run '{stray.RunId}', not '{run.Id}'.",
                nameof(steps));
        }

        await using var scope = await BeginWriteAsync(ct);
        using (var cmd = scope.Command(InsertRunSql))
        {
            RunRows.Bind(cmd, run);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await InsertStepsAsync(scope, steps, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<RunRecord?> GetRunAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, $"SELECT {RunRows.Columns} FROM runs WHERE id = @id");
        cmd.Parameters.AddWithValue("@id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? RunRows.Read(reader) : null;
    }

    public async Task<Page<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPaging(query.Skip, query.Take);
        // Filters are spelled out rather than "(@x IS NULL OR col = @x)", which would keep SQLite off the indexes.
        var filters = new List<string>(2);
        if (query.JobId is not null)
        {
            filters.Add("job_id = @job_id");
        }

        if (query.Status is not null)
        {
            filters.Add("status = @status");
        }

        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        await using var connection = await OpenReadAsync(ct);
        // One read transaction: the total and the page come from the same snapshot.
        using var tx = connection.BeginTransaction(deferred: true);
        using var count = Command(connection, "SELECT COUNT(*) FROM runs" + where, tx);
        using var page = Command(connection,
            $"SELECT {RunRows.Columns} FROM runs{where} ORDER BY created_at DESC, id DESC LIMIT @take OFFSET @skip", tx);
        foreach (var cmd in new[] { count, page })
        {
            if (query.JobId is not null)
            {
                cmd.Parameters.AddWithValue("@job_id", query.JobId);
            }

            if (query.Status is { } status)
            {
                cmd.Parameters.AddWithValue("@status", SqliteValues.ToText(status));
            }
        }

        page.Parameters.AddWithValue("@take", query.Take);
        page.Parameters.AddWithValue("@skip", query.Skip);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var items = new List<RunRecord>(Math.Min(query.Take, 256));
        await using (var reader = await page.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(RunRows.Read(reader));
            }
        }

        return new Page<RunRecord>(items, total, query.Skip, query.Take);
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">No run has that id.</exception>
    public async Task UpdateRunAsync(RunRecord run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(UpdateRunSql);
        RunRows.Bind(cmd, run);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new KeyNotFoundException($"No run has id '{run.Id}'.");
        }

        await scope.CommitAsync(ct);
    }
}
