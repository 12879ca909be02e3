using FunctionsIngest.Jobs;
using FunctionsIngest.Store.Sqlite.Mapping;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

public sealed partial class SqliteIngestStore
{
    // SQLITE_CONSTRAINT_UNIQUE: only the unique index on name_key can raise it on the jobs table.
    private const int SqliteConstraintUnique = 2067;

    private static readonly string ListJobsSql = $"""
        SELECT {SqliteReaderExtensions.Qualify(JobRows.Columns, "j")}, {SqliteReaderExtensions.Qualify(RunRows.Columns, "r")}
        FROM jobs j
        LEFT JOIN runs r ON r.id = (
            SELECT id FROM runs WHERE job_id = j.id ORDER BY created_at DESC, id DESC LIMIT 1)
        ORDER BY j.name COLLATE NOCASE, j.id
        """;

    public async Task CreateJobAsync(Job job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(
            "INSERT INTO jobs (id, name, name_key, definition, created_at, updated_at, schedule, time_zone, catch_up, enabled) " +
            "VALUES (@id, @name, @name_key, @definition, @created_at, @updated_at, @schedule, @time_zone, @catch_up, @enabled)");
        JobRows.Bind(cmd, job);
        await ExecuteJobWriteAsync(cmd, job, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<Job?> GetJobAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, $"SELECT {JobRows.Columns} FROM jobs WHERE id = @id");
        cmd.Parameters.AddWithValue("@id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? JobRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<JobSummary>> ListJobsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenReadAsync(ct);
        using var cmd = Command(connection, ListJobsSql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var jobs = new List<JobSummary>();
        while (await reader.ReadAsync(ct))
        {
            var lastRun = reader.IsDBNull(JobRows.ColumnCount) ? null : RunRows.Read(reader, JobRows.ColumnCount);
            jobs.Add(new JobSummary(JobRows.Read(reader), lastRun));
        }

        return jobs;
    }

    public async Task<bool> UpdateJobAsync(Job job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = await BeginWriteAsync(ct);
        // created_at is immutable: the row keeps the instant it was created with.
        using var cmd = scope.Command(
            "UPDATE jobs SET name = @name, name_key = @name_key, definition = @definition, updated_at = @updated_at, " +
            "schedule = @schedule, time_zone = @time_zone, catch_up = @catch_up, enabled = @enabled " +
            "WHERE id = @id");
        JobRows.Bind(cmd, job);
        var changed = await ExecuteJobWriteAsync(cmd, job, ct);
        await scope.CommitAsync(ct);
        return changed == 1;
    }

    public async Task<bool> DeleteJobAsync(string id, CancellationToken ct = default)
    {
        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command("DELETE FROM jobs WHERE id = @id");
        cmd.Parameters.AddWithValue("@id", id);
        var deleted = await cmd.ExecuteNonQueryAsync(ct);
        await scope.CommitAsync(ct);
        return deleted == 1;
    }

    private static async Task<int> ExecuteJobWriteAsync(SqliteCommand cmd, Job job, CancellationToken ct)
    {
        try
        {
            return await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            throw new DuplicateJobNameException(job.Definition.Name);
        }
    }
}
