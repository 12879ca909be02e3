using FunctionsIngest.Store.Sqlite;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteMigrationTests : SqliteStoreTestBase
{
    [Fact]
    public void Initialize_on_an_empty_folder_creates_the_file_and_every_table()
    {
        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(4, Store.SchemaVersion);
        Assert.Equal("job_watermarks,jobs,run_logs,run_steps,runs,scheduler_state,schema_version", Scalar(
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master " +
            "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)"));
        Assert.Equal("1:initial schema,2:orchestration: scheduled keys, reruns, scheduler cursor, watermarks,3:schedule columns,4:rows quarantined",
            Scalar("SELECT group_concat(version || ':' || name) FROM (SELECT * FROM schema_version ORDER BY version)"));
    }

    [Fact]
    public async Task Reopening_an_existing_file_keeps_the_data_and_applies_nothing_twice()
    {
        var job = Job("Sales");
        await Store.CreateJobAsync(job);
        Store.Dispose();

        var reopened = await OpenStoreAsync();

        Assert.Equal(4, reopened.SchemaVersion);
        Assert.Equal(job, await reopened.GetJobAsync(job.Id));
        Assert.Equal(4L, Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        Scalar("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'x')");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenStoreAsync());

        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_a_store_before_InitializeAsync_says_so()
    {
        using var store = new SqliteIngestStore(new SqliteStoreOptions { DatabasePath = Path.Combine(Folder, "other.db") });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetJobAsync("x"));

        Assert.Contains("InitializeAsync", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_claim_statement_walks_the_partial_index_of_unfinished_steps()
    {
        var plan = string.Join(" | ", QueryPlan(SqliteIngestStore.ClaimStepSql));

        // Walks only unfinished steps, already in id order: no full scan of run_steps, no sort.
        Assert.Contains("SCAN s USING INDEX ix_run_steps_claimable", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private List<string> QueryPlan(string sql)
    {
        using var connection = OpenRaw();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@owner", "@expires", "@now" })
        {
            cmd.Parameters.AddWithValue(name, "x");
        }

        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(3));
        }

        return rows;
    }
}
