using FunctionsIngest.Runs;
using FunctionsIngest.Store;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteRunTests : SqliteStoreTestBase
{
    [Fact]
    public async Task A_created_run_reads_back_field_for_field()
    {
        var run = Run("r1", "job-1", T0) with
        {
            Status = RunStatus.Running,
            LastUpdatedAt = T0.AddSeconds(1),
            StartedAt = T0.AddTicks(5),
            RowsRead = 1234567890123,
            RowsWritten = 42,
            Output = ["part-0.parquet", "part-1.parquet"],
            Error = "boom",
            CustomStatus = """{"done":1}""",
        };

        await Store.CreateRunAsync(run, []);
        var loaded = await Store.GetRunAsync("r1");

        AssertSameRun(run, loaded);
        Assert.Null(loaded!.CompletedAt);
        Assert.Null(await Store.GetRunAsync("missing"));
    }

    [Fact]
    public async Task CreateRun_stores_the_first_steps_with_ids_in_order()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1", StepKind.Plan), Step("r1", StepKind.Copy, 3)]);

        var steps = await Store.GetStepsAsync("r1");

        Assert.Equal([StepKind.Plan, StepKind.Copy], steps.Select(s => s.Kind));
        Assert.Equal(3, steps[1].Ordinal);
        Assert.Equal("""{"item":3}""", steps[1].Input);
        Assert.Equal(steps[0].Id + 1, steps[1].Id);
        Assert.All(steps, s => Assert.Equal((StepStatus.Pending, 0, T0), (s.Status, s.Attempt, s.CreatedAt)));
    }

    [Fact]
    public async Task CreateRun_with_a_step_of_another_run_writes_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1"), Step("r2")]));

        Assert.Null(await Store.GetRunAsync("r1"));
        Assert.Empty(await Store.GetStepsAsync("r1"));
    }

    [Fact]
    public async Task Update_replaces_the_mutable_fields_only()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), []);
        var update = Run("r1", "other-job", T0.AddYears(1)) with
        {
            JobName = "renamed",
            JobSnapshot = "{}",
            Trigger = "manual",
            Status = RunStatus.Completed,
            LastUpdatedAt = T0.AddMinutes(2),
            StartedAt = T0.AddMinutes(1),
            CompletedAt = T0.AddMinutes(2),
            RowsRead = 10,
            RowsWritten = 9,
            Output = ["a.parquet"],
            CustomStatus = "{}",
        };

        await Store.UpdateRunAsync(update);
        var loaded = await Store.GetRunAsync("r1");

        AssertSameRun(Run("r1", "j", T0) with
        {
            Status = RunStatus.Completed,
            LastUpdatedAt = T0.AddMinutes(2),
            StartedAt = T0.AddMinutes(1),
            CompletedAt = T0.AddMinutes(2),
            RowsRead = 10,
            RowsWritten = 9,
            Output = ["a.parquet"],
            CustomStatus = "{}",
        }, loaded);
    }

    [Fact]
    public async Task Update_of_an_unknown_run_throws()
    {
        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.UpdateRunAsync(Run("nope", "j", T0)));

        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRuns_is_newest_first_with_the_id_breaking_ties()
    {
        await SeedRunsAsync();

        var page = await Store.ListRunsAsync(new RunQuery());

        Assert.Equal(["r6", "r5", "r4", "r3", "r2", "r1"], page.Items.Select(r => r.Id));
        Assert.Equal((6L, 0, 50), (page.Total, page.Skip, page.Take));
    }

    [Theory]
    [InlineData("a", null, "r6,r4,r3,r1", 4)]
    [InlineData(null, RunStatus.Failed, "r5,r4", 2)]
    [InlineData("a", RunStatus.Failed, "r4", 1)]
    [InlineData("zzz", null, "", 0)]
    public async Task ListRuns_filters_by_job_and_status(string? jobId, RunStatus? status, string expected, long total)
    {
        await SeedRunsAsync();

        var page = await Store.ListRunsAsync(new RunQuery(jobId, status));

        Assert.Equal(expected, string.Join(",", page.Items.Select(r => r.Id)));
        Assert.Equal(total, page.Total);
    }

    [Theory]
    [InlineData(0, 2, "r6,r5")]
    [InlineData(2, 2, "r4,r3")]
    [InlineData(5, 10, "r1")]
    [InlineData(6, 10, "")]
    [InlineData(1, 0, "")]
    public async Task ListRuns_pages_with_the_total_of_all_matches(int skip, int take, string expected)
    {
        await SeedRunsAsync();

        var page = await Store.ListRunsAsync(new RunQuery(Skip: skip, Take: take));

        Assert.Equal(expected, string.Join(",", page.Items.Select(r => r.Id)));
        Assert.Equal((6L, skip, take), (page.Total, page.Skip, page.Take));
    }

    [Fact]
    public async Task ListRuns_rejects_negative_paging()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRunsAsync(new RunQuery(Skip: -1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRunsAsync(new RunQuery(Take: -1)));
    }

    // r1 < r2 < r3 = r4 (same instant) < r5 < r6; jobs a and b; r4, r5 failed.
    private async Task SeedRunsAsync()
    {
        await Store.CreateRunAsync(Run("r3", "a", T0.AddMinutes(3)), []);
        await Store.CreateRunAsync(Run("r1", "a", T0.AddMinutes(1)), []);
        await Store.CreateRunAsync(Run("r6", "a", T0.AddMinutes(6)), []);
        await Store.CreateRunAsync(Run("r4", "a", T0.AddMinutes(3), RunStatus.Failed), []);
        await Store.CreateRunAsync(Run("r2", "b", T0.AddMinutes(2), RunStatus.Completed), []);
        await Store.CreateRunAsync(Run("r5", "b", T0.AddMinutes(5), RunStatus.Failed), []);
    }

    private static void AssertSameRun(RunRecord expected, RunRecord? actual)
    {
        Assert.NotNull(actual);
        // Output is a list (reference equality in the record), so compare it apart.
        Assert.Equal(expected.Output, actual.Output);
        Assert.Equal(expected with { Output = Array.Empty<string>() }, actual with { Output = Array.Empty<string>() });
    }
}
