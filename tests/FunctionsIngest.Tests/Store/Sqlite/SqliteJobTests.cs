using FunctionsIngest.Runs;
using FunctionsIngest.Store;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteJobTests : SqliteStoreTestBase
{
    [Fact]
    public async Task A_created_job_reads_back_equal_to_the_tick()
    {
        var job = Job("Sales") with { CreatedAt = T0.ToOffset(TimeSpan.FromHours(2)), UpdatedAt = T0.AddTicks(1) };

        await Store.CreateJobAsync(job);
        var loaded = await Store.GetJobAsync(job.Id);

        Assert.Equal(job, loaded); // the definition is a record tree: value equality covers every field
        Assert.Equal(T0.UtcTicks, loaded!.CreatedAt.UtcTicks);
        Assert.Equal(T0.UtcTicks + 1, loaded.UpdatedAt.UtcTicks);
        Assert.Null(await Store.GetJobAsync("missing"));
    }

    [Fact]
    public async Task The_definition_is_stored_as_camel_case_json()
    {
        await Store.CreateJobAsync(Job("Sales"));

        var json = (string)Scalar("SELECT definition FROM jobs")!;

        Assert.Contains("\"name\":\"Sales\"", json, StringComparison.Ordinal);
        Assert.Contains("\"source\":{\"type\":\"excel\",\"path\":\"in/Sales.xlsx\",\"sheet\":\"Data\",\"headerRow\":2,\"incremental\":false}",
            json, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\":\"Europe/Berlin\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sales", "SALES")]
    [InlineData("sales", "Sales")]
    [InlineData("Zürich", "ZÜRICH")] // beyond ASCII, where SQLite's NOCASE stops folding
    public async Task Creating_a_second_job_with_the_same_name_in_any_case_is_refused(string first, string second)
    {
        await Store.CreateJobAsync(Job(first, id: "a"));

        var e = await Assert.ThrowsAsync<DuplicateJobNameException>(() => Store.CreateJobAsync(Job(second, id: "b")));

        Assert.Equal(second, e.Name);
        Assert.Null(await Store.GetJobAsync("b"));
    }

    [Fact]
    public async Task Update_replaces_definition_and_updated_at_but_keeps_created_at()
    {
        var job = Job("Sales");
        await Store.CreateJobAsync(job);
        var changed = Job("SALES", id: job.Id, at: T0.AddDays(1)) with { CreatedAt = T0.AddYears(-1) };

        Assert.True(await Store.UpdateJobAsync(changed));

        var loaded = await Store.GetJobAsync(job.Id);
        Assert.Equal("SALES", loaded!.Definition.Name); // renaming to another casing of its own name is fine
        Assert.Equal(T0, loaded.CreatedAt);
        Assert.Equal(T0.AddDays(1), loaded.UpdatedAt);
    }

    [Fact]
    public async Task Update_to_a_name_another_job_has_is_refused_and_changes_nothing()
    {
        await Store.CreateJobAsync(Job("Sales", id: "a"));
        await Store.CreateJobAsync(Job("Costs", id: "b"));

        await Assert.ThrowsAsync<DuplicateJobNameException>(
            () => Store.UpdateJobAsync(Job("sales", id: "b", at: T0.AddDays(1))));

        var b = await Store.GetJobAsync("b");
        Assert.Equal("Costs", b!.Definition.Name);
        Assert.Equal(T0, b.UpdatedAt);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_job_return_false()
    {
        Assert.False(await Store.UpdateJobAsync(Job("Ghost", id: "nope")));
        Assert.False(await Store.DeleteJobAsync("nope"));
        Assert.Empty(await Store.ListJobsAsync());
    }

    [Fact]
    public async Task Delete_removes_the_job_and_frees_its_name_but_keeps_runs_and_logs()
    {
        var job = Job("Sales");
        await Store.CreateJobAsync(job);
        await Store.CreateRunAsync(Run("r1", job.Id, T0), [Step("r1")]);
        await Store.AppendLogsAsync([Log("r1", 1)]);

        Assert.True(await Store.DeleteJobAsync(job.Id));

        Assert.Null(await Store.GetJobAsync(job.Id));
        Assert.Equal(job.Id, (await Store.GetRunAsync("r1"))!.JobId);
        Assert.Single(await Store.GetStepsAsync("r1"));
        Assert.Equal(1, (await Store.ListLogsAsync(new LogQuery("r1"))).Total);
        await Store.CreateJobAsync(Job("Sales", id: "new"));
        Assert.Equal("new", (await Store.ListJobsAsync()).Single().Job.Id);
    }

    [Fact]
    public async Task ListJobs_is_ordered_by_name_and_carries_each_jobs_latest_run()
    {
        await Store.CreateJobAsync(Job("beta", id: "b"));
        await Store.CreateJobAsync(Job("Alpha", id: "a"));
        await Store.CreateJobAsync(Job("gamma", id: "g"));
        // Inserted out of time order; "a-2" and "a-3" share the latest CreatedAt, so the id breaks the tie.
        await Store.CreateRunAsync(Run("a-3", "a", T0.AddMinutes(5), RunStatus.Failed), []);
        await Store.CreateRunAsync(Run("a-1", "a", T0), []);
        await Store.CreateRunAsync(Run("a-2", "a", T0.AddMinutes(5)), []);
        await Store.CreateRunAsync(Run("b-1", "b", T0.AddMinutes(9), RunStatus.Completed), []);
        await Store.CreateRunAsync(Run("b-0", "b", T0.AddMinutes(1)), []);
        await Store.CreateRunAsync(Run("x-1", "deleted-job", T0.AddHours(1)), []);

        var jobs = await Store.ListJobsAsync();

        Assert.Equal(["Alpha", "beta", "gamma"], jobs.Select(j => j.Job.Definition.Name));
        Assert.Equal("a-3", jobs[0].LastRun!.Id);
        Assert.Equal(RunStatus.Failed, jobs[0].LastRun!.Status);
        Assert.Equal("b-1", jobs[1].LastRun!.Id);
        Assert.Equal(T0.AddMinutes(9), jobs[1].LastRun!.CreatedAt);
        Assert.Null(jobs[2].LastRun);
        Assert.Equal(Job("gamma", id: "g"), jobs[2].Job);
    }
}
