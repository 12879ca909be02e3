using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Store;
using FunctionsIngest.Tests.Store.Sqlite;

namespace FunctionsIngest.Tests.Scheduling;

/// <summary>The tick on a real SQLite store and a fake clock.</summary>
public sealed class SchedulerTickTests : SqliteStoreTestBase
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);
    private readonly FakeClock _clock = new(Start);

    private SchedulerTick Tick(IIngestStore? store = null)
    {
        var s = store ?? Store;
        return new SchedulerTick(s, new RunService(s, new RunSignal(), _clock), _clock);
    }

    private async Task<Job> AddJobAsync(string name, string schedule, string? zone = null, string catchUp = CatchUpPolicies.Once,
        string overlap = OverlapPolicies.Allow, bool enabled = true, DateTimeOffset? at = null)
    {
        var job = new Job(name, new JobDefinition
        {
            Name = name,
            Source = new SourceDefinition { Path = "in/a.xlsx" },
            Destination = new DestinationDefinition { Path = "out/" + name },
            Schedule = schedule, TimeZone = zone, CatchUp = catchUp, Overlap = overlap, Enabled = enabled,
        }, at ?? Start.AddDays(-1), at ?? Start.AddDays(-1));
        await Store.CreateJobAsync(job);
        return job;
    }

    private async Task<DateTimeOffset[]> ScheduledRunsAsync(string jobId) =>
        (await Store.ListRunsAsync(new RunQuery(JobId: jobId, Take: 1000))).Items.Select(r => r.ScheduledFor!.Value).Order().ToArray();

    [Fact]
    public async Task Each_due_instant_creates_one_run_and_a_repeated_tick_creates_none()
    {
        await AddJobAsync("every-minute", "* * * * *");
        await Store.SetSchedulerCursorAsync(Start.AddSeconds(-60));

        var first = await Tick().TickAsync();
        await Store.SetSchedulerCursorAsync(Start.AddSeconds(-60)); // as if a second tick had read the old cursor
        var second = await Tick().TickAsync();

        Assert.Equal((1, 1, 0), (first.JobsEvaluated, first.RunsCreated, first.AlreadyCreated));
        Assert.Equal((0, 1), (second.RunsCreated, second.AlreadyCreated));
        var run = Assert.Single((await Store.ListRunsAsync(new RunQuery())).Items);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), run.ScheduledFor);
        Assert.Equal("schedule", run.Trigger);
    }

    [Fact]
    public async Task Racing_ticks_on_two_stores_never_fire_twice()
    {
        await AddJobAsync("a", "* * * * *");
        await AddJobAsync("b", "*/2 * * * *");
        await Store.SetSchedulerCursorAsync(Start.AddMinutes(-10));
        var other = await OpenStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Tick(i % 2 == 0 ? Store : other).TickAsync())));

        // catch-up "once" after a 10-minute gap: each job runs once, at its latest instant.
        Assert.Equal([new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)], await ScheduledRunsAsync("a"));
        Assert.Equal([new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)], await ScheduledRunsAsync("b"));
    }

    [Theory]
    [InlineData(CatchUpPolicies.Skip, 0)]
    [InlineData(CatchUpPolicies.Once, 1)]
    [InlineData(CatchUpPolicies.All, 13)]
    public async Task After_downtime_the_catch_up_policy_decides_what_runs(string policy, int expected)
    {
        var job = await AddJobAsync("gap", "*/10 * * * *", catchUp: policy);
        await Store.SetSchedulerCursorAsync(Start.AddHours(-2).AddMinutes(-5)); // down since 07:55:30
        _clock.Now = Start.AddMinutes(4); // 10:04:30: 10:00 is more than 90 s old, so every instant was missed

        var result = await Tick().TickAsync();

        var runs = await ScheduledRunsAsync(job.Id);
        Assert.Equal(expected, result.RunsCreated);
        Assert.Equal(expected, runs.Length);
        if (expected > 0)
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), runs[^1]);
        if (expected == 13)
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), runs[0]);
    }

    [Fact]
    public async Task Catch_up_all_is_capped()
    {
        var job = await AddJobAsync("busy", "* * * * *", catchUp: CatchUpPolicies.All);
        await Store.SetSchedulerCursorAsync(Start.AddDays(-1));

        await Tick().TickAsync();

        Assert.Equal(CatchUpPolicies.MaxCatchUpRuns, (await ScheduledRunsAsync(job.Id)).Length);
    }

    [Fact]
    public async Task Disabled_jobs_and_jobs_without_schedule_are_left_alone_and_new_jobs_have_no_past()
    {
        await AddJobAsync("off", "* * * * *", enabled: false);
        var fresh = await AddJobAsync("fresh", "*/5 * * * *", catchUp: CatchUpPolicies.All, at: Start.AddMinutes(-7));
        await Store.SetSchedulerCursorAsync(Start.AddHours(-1));

        var result = await Tick().TickAsync();

        Assert.Equal(1, result.JobsEvaluated);
        // created at 09:53:30: only 09:55 and 10:00 came after it.
        Assert.Equal([new DateTimeOffset(2026, 3, 2, 9, 55, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)],
            await ScheduledRunsAsync(fresh.Id));
    }

    [Fact]
    public async Task A_scheduled_run_is_skipped_while_the_job_is_running_under_overlap_skip()
    {
        var job = await AddJobAsync("slow", "* * * * *", overlap: OverlapPolicies.Skip);
        await Store.SetSchedulerCursorAsync(Start.AddSeconds(-60));
        var manual = await new RunService(Store, new RunSignal(), _clock).StartAsync(job, "manual");

        var result = await Tick().TickAsync();

        Assert.NotNull(manual.Run);
        Assert.Equal((0, 1), (result.RunsCreated, result.SkippedOverlapping));
    }

    [Fact]
    public async Task Ticking_every_minute_through_a_spring_forward_night_fires_the_skipped_time_once()
    {
        var job = await AddJobAsync("paris", "30 2 * * *", zone: "Europe/Paris", at: new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero));
        _clock.Now = new DateTimeOffset(2026, 3, 28, 23, 0, 30, TimeSpan.Zero);
        await Store.SetSchedulerCursorAsync(_clock.Now);

        for (var minute = 0; minute < 240; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Tick().TickAsync();
        }

        Assert.Equal([new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)], await ScheduledRunsAsync(job.Id));
    }

    [Fact]
    public async Task Ticking_every_minute_through_a_fall_back_night_fires_the_repeated_time_once()
    {
        var job = await AddJobAsync("paris", "30 2 * * *", zone: "Europe/Paris", at: new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero));
        _clock.Now = new DateTimeOffset(2026, 10, 24, 22, 0, 30, TimeSpan.Zero);
        await Store.SetSchedulerCursorAsync(_clock.Now);

        for (var minute = 0; minute < 300; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Tick().TickAsync();
        }

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)], await ScheduledRunsAsync(job.Id));
    }
}
