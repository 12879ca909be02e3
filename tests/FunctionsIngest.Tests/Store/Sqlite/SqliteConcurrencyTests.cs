using System.Collections.Concurrent;
using FunctionsIngest.Runs;
using FunctionsIngest.Store;
using FunctionsIngest.Store.Sqlite;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteConcurrencyTests : SqliteStoreTestBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, true)] // one store: in-process writers queue on its write gate
    [InlineData(2, true)] // two stores on one file, as two processes: writers queue on SQLite's lock + busy timeout
    [InlineData(2, false)] // the same with a rollback journal (Azure Files), where readers and writers also block each other
    public async Task Fifty_parallel_workers_create_claim_finish_and_log_without_errors(int storeCount, bool useWal)
    {
        var stores = new List<SqliteIngestStore>();
        for (var i = 0; i < storeCount; i++)
        {
            stores.Add(await OpenStoreAsync(useWal));
        }

        var claimed = new ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var store = stores[i % storeCount];
            var runId = $"run-{i:D2}";
            await store.CreateRunAsync(Run(runId, $"job-{i % 5}", T0.AddSeconds(i)), [Step(runId, StepKind.Plan)]);
            await store.AppendLogsAsync(Enumerable.Range(0, 5).Select(n => Log(runId, n)).ToList());
            var step = await store.ClaimStepAsync($"worker-{i}", Lease, T0.AddHours(1));
            if (step is not null)
            {
                claimed.Add(step.Id);
                var done = step with { Status = StepStatus.Completed, CompletedAt = T0.AddHours(1) };
                Assert.True(await store.FinishStepAsync(done, $"worker-{i}", [Step(step.RunId, StepKind.Commit, notBefore: T0.AddDays(1))]));
            }

            await store.ListRunsAsync(new RunQuery(Take: 5));
        })));

        var runs = await Store.ListRunsAsync(new RunQuery(Take: 100));
        Assert.Equal(50, runs.Total);
        Assert.Equal("run-49", runs.Items[0].Id);
        Assert.Equal(claimed.Count, claimed.Distinct().Count()); // no step was handed to two workers
        Assert.Equal(50, claimed.Count); // each worker claimed after its own plan step was inserted
        Assert.Equal(250L, Scalar("SELECT COUNT(*) FROM run_logs"));
        Assert.Equal(50L, Scalar("SELECT COUNT(*) FROM run_steps WHERE kind = 'Commit' AND status = 'Pending'"));
        Assert.Equal(50L, Scalar("SELECT COUNT(*) FROM run_steps WHERE kind = 'Plan' AND status = 'Completed'"));
    }

    [Fact]
    public async Task Racing_claimers_take_every_step_exactly_once()
    {
        for (var r = 0; r < 4; r++)
        {
            var runId = $"run-{r}";
            await Store.CreateRunAsync(Run(runId, "j", T0), Enumerable.Range(0, 10).Select(o => Step(runId, ordinal: o)).ToList());
        }

        var other = await OpenStoreAsync();
        var claims = new ConcurrentBag<(long Id, string Owner)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? Store : other;
            while (await store.ClaimStepAsync($"w{w}", Lease, T0) is { } step)
            {
                claims.Add((step.Id, $"w{w}"));
            }
        })));

        Assert.Equal(40, claims.Count);
        Assert.Equal(40, claims.Select(c => c.Id).Distinct().Count());
        var owners = (await Store.GetStepsAsync("run-0")).Concat(await Store.GetStepsAsync("run-3"))
            .ToDictionary(s => s.Id, s => s.LeaseOwner);
        Assert.All(claims.Where(c => owners.ContainsKey(c.Id)), c => Assert.Equal(c.Owner, owners[c.Id]));
    }
}
