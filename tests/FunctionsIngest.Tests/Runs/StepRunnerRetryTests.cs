using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;
using FunctionsIngest.Tests.Scheduling;
using FunctionsIngest.Tests.Store.Sqlite;

namespace FunctionsIngest.Tests.Runs;

/// <summary>The retry policy as the step runner applies it, on a real store, with executors that fail on purpose.</summary>
public sealed class StepRunnerRetryTests : SqliteStoreTestBase
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    private sealed class ScriptedExecutor(StepKind kind, Func<StepContext, StepResult> body) : IStepExecutor
    {
        public int Calls { get; private set; }

        public StepKind Kind => kind;

        public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(body(context));
        }
    }

    private static ScriptedExecutor Plan() => new(StepKind.Plan, c => new StepResult(null, 0,
    [
        new RunStep { RunId = c.Run.Id, Kind = StepKind.Copy, CreatedAt = c.Now, Input = "{}" },
        new RunStep { RunId = c.Run.Id, Kind = StepKind.Commit, CreatedAt = c.Now },
    ]));

    private static ScriptedExecutor Commit() => new(StepKind.Commit, _ => StepResult.Done(IngestJson.Serialize(new CommitOutput(["out/x.parquet"], 7, 7)), 7));

    private async Task<(RunRecord Run, StepRunner Runner)> StartAsync(RetryPolicy retry, params IStepExecutor[] executors)
    {
        var job = new Job("j", new JobDefinition
        {
            Name = "j", Source = new SourceDefinition { Path = "in/a.xlsx" }, Destination = new DestinationDefinition { Path = "out/j" }, Retry = retry,
        }, _clock.Now, _clock.Now);
        await Store.CreateJobAsync(job);
        var signal = new RunSignal();
        var run = (await new RunService(Store, signal, _clock).StartAsync(job, "manual")).Run!;
        var runner = new StepRunner(Store, new LocalStorage(Path.Combine(Folder, "files")), _clock, signal, executors);
        return (run, runner);
    }

    /// <summary>Executes steps until none is claimable, moving the clock past each retry delay.</summary>
    private async Task DrainAsync(StepRunner runner)
    {
        for (var i = 0; i < 50; i++)
        {
            if (!await runner.RunOneAsync("worker", CancellationToken.None))
                _clock.Advance(TimeSpan.FromMinutes(10));
            var steps = await Store.ListRunsAsync(new RunQuery());
            if (steps.Items.All(r => r.Status.IsFinal()))
                return;
        }
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_and_the_run_completes()
    {
        var failures = 2;
        var copy = new ScriptedExecutor(StepKind.Copy, _ => failures-- > 0 ? throw new IOException("disk busy") : StepResult.Done("{}", 7));
        var (run, runner) = await StartAsync(new RetryPolicy(MaxAttempts: 3, FirstRetryIntervalSeconds: 10, BackoffCoefficient: 3), Plan(), copy, Commit());

        await DrainAsync(runner);

        var done = await Store.GetRunAsync(run.Id);
        Assert.Equal(RunStatus.Completed, done!.Status);
        Assert.Equal(7, done.RowsWritten);
        Assert.Equal(3, copy.Calls);
        var retries = (await Store.ListLogsAsync(new LogQuery(run.Id, RunLogLevel.Warning))).Items;
        Assert.Equal(2, retries.Count);
        Assert.Contains("retried in 10 s: IOException while processing 'in/a.xlsx' in step copy[0]: disk busy", retries[0].Message, StringComparison.Ordinal);
        Assert.Contains("retried in 30 s", retries[1].Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Store.GetStepsAsync(run.Id)).Single(s => s.Kind == StepKind.Copy).Attempt);
    }

    [Fact]
    public async Task A_retry_is_not_claimed_before_its_delay()
    {
        var copy = new ScriptedExecutor(StepKind.Copy, c => c.Step.Attempt == 1 ? throw new IOException("flaky") : StepResult.Done("{}", 1));
        var (run, runner) = await StartAsync(new RetryPolicy(MaxAttempts: 2, FirstRetryIntervalSeconds: 60), Plan(), copy, Commit());

        Assert.True(await runner.RunOneAsync("w", CancellationToken.None)); // plan
        Assert.True(await runner.RunOneAsync("w", CancellationToken.None)); // copy fails
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await runner.RunOneAsync("w", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await runner.RunOneAsync("w", CancellationToken.None)); // copy succeeds

        Assert.Equal(2, copy.Calls);
        Assert.Equal(RunStatus.Running, (await Store.GetRunAsync(run.Id))!.Status);
    }

    [Fact]
    public async Task When_attempts_run_out_the_run_fails_with_the_last_reason()
    {
        var copy = new ScriptedExecutor(StepKind.Copy, _ => throw new IOException("share unreachable"));
        var (run, runner) = await StartAsync(new RetryPolicy(MaxAttempts: 2, FirstRetryIntervalSeconds: 1), Plan(), copy, Commit());

        await DrainAsync(runner);

        var failed = await Store.GetRunAsync(run.Id);
        Assert.Equal(RunStatus.Failed, failed!.Status);
        Assert.Equal("IOException while processing 'in/a.xlsx' in step copy[0]: share unreachable", failed.Error);
        Assert.Equal(2, copy.Calls);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_names_the_cell()
    {
        var copy = new ScriptedExecutor(StepKind.Copy, _ => throw IngestErrors.BadCell("in/a.xlsx", "Sheet1", "C7", "not a date"));
        var (run, runner) = await StartAsync(new RetryPolicy(MaxAttempts: 5), Plan(), copy, Commit());

        await DrainAsync(runner);

        var failed = await Store.GetRunAsync(run.Id);
        Assert.Equal(RunStatus.Failed, failed!.Status);
        Assert.Equal(1, copy.Calls);
        Assert.Contains("C7", failed.Error, StringComparison.Ordinal);
        var error = Assert.Single((await Store.ListLogsAsync(new LogQuery(run.Id, RunLogLevel.Error))).Items);
        Assert.Contains("\"cell\":\"C7\"", error.Data, StringComparison.Ordinal);
        Assert.Contains("\"sheet\":\"Sheet1\"", error.Data, StringComparison.Ordinal);
    }
}
