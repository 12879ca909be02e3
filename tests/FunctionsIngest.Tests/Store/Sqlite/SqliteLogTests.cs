using FunctionsIngest.Runs;
using FunctionsIngest.Store;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteLogTests : SqliteStoreTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.CreateRunAsync(Run("r1", "j", T0), []);
        await Store.CreateRunAsync(Run("r2", "j", T0), []);
        // r1: levels cycle Debug, Information, Warning, Error over n = 0..9; r2's logs are interleaved.
        await Store.AppendLogsAsync(Enumerable.Range(0, 10).Select(n => Log("r1", n, (RunLogLevel)(n % 4))).ToList());
        await Store.AppendLogsAsync([Log("r2", 100, RunLogLevel.Error)]);
        await Store.AppendLogsAsync([Log("r1", 10, RunLogLevel.Error)]);
    }

    [Fact]
    public async Task Logs_come_back_oldest_first_with_every_field()
    {
        var page = await Store.ListLogsAsync(new LogQuery("r1"));

        Assert.Equal(11, page.Total);
        Assert.Equal(Enumerable.Range(0, 11).Select(n => $"message {n}"), page.Items.Select(l => l.Message));
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Id < p.Second.Id));
        Assert.Equal(Log("r1", 4, RunLogLevel.Debug) with { Id = page.Items[4].Id }, page.Items[4]);
        Assert.Equal((T0.AddMilliseconds(3), RunLogLevel.Error, "copy[3]", (string?)null),
            (page.Items[3].Timestamp, page.Items[3].Level, page.Items[3].Step, page.Items[3].Data));
    }

    [Theory]
    [InlineData(RunLogLevel.Debug, "0,1,2,3,4,5,6,7,8,9,10")]
    [InlineData(RunLogLevel.Information, "1,2,3,5,6,7,9,10")]
    [InlineData(RunLogLevel.Warning, "2,3,6,7,10")]
    [InlineData(RunLogLevel.Error, "3,7,10")]
    public async Task MinLevel_keeps_that_level_and_worse(RunLogLevel min, string expected)
    {
        var page = await Store.ListLogsAsync(new LogQuery("r1", min));

        Assert.Equal(expected, string.Join(",", page.Items.Select(l => l.Step[5..^1])));
        Assert.Equal(expected.Split(',').Length, page.Total);
    }

    [Fact]
    public async Task Paging_counts_all_matches()
    {
        var page = await Store.ListLogsAsync(new LogQuery("r1", RunLogLevel.Warning, Skip: 1, Take: 3));

        Assert.Equal(["message 3", "message 6", "message 7"], page.Items.Select(l => l.Message));
        Assert.Equal((5L, 1, 3), (page.Total, page.Skip, page.Take));
    }

    [Fact]
    public async Task Another_runs_logs_and_unknown_runs_stay_apart()
    {
        var r2 = await Store.ListLogsAsync(new LogQuery("r2"));
        var none = await Store.ListLogsAsync(new LogQuery("nope"));

        Assert.Equal("message 100", Assert.Single(r2.Items).Message);
        Assert.Equal((0L, 0), (none.Total, none.Items.Count));
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing()
    {
        // The second entry names a run that does not exist: the foreign key fails the whole batch.
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(
            () => Store.AppendLogsAsync([Log("r2", 200), Log("no-such-run", 201)]));

        Assert.Equal(1, (await Store.ListLogsAsync(new LogQuery("r2"))).Total);
    }
}
