using FunctionsIngest.Runs;
using static FunctionsIngest.Tests.Store.Sqlite.StoreTestData;

namespace FunctionsIngest.Tests.Store.Sqlite;

public sealed class SqliteStepTests : SqliteStoreTestBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Claim_takes_the_oldest_step_and_stamps_the_lease()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1", StepKind.Plan), Step("r1", StepKind.Copy, 1)]);
        await Store.CreateRunAsync(Run("r0", "j", T0.AddMinutes(-1)), [Step("r0", StepKind.Plan)]);
        var now = T0.AddSeconds(30);

        var first = await Store.ClaimStepAsync("w1", Lease, now);
        var second = await Store.ClaimStepAsync("w2", Lease, now);
        var third = await Store.ClaimStepAsync("w3", Lease, now);

        // By step id (insertion order), not by run: r1's steps were inserted first.
        Assert.Equal([("r1", StepKind.Plan), ("r1", StepKind.Copy), ("r0", StepKind.Plan)],
            new[] { first!, second!, third! }.Select(s => (s.RunId, s.Kind)));
        Assert.Equal((StepStatus.Running, "w1", now + Lease, 1, now),
            (first!.Status, first.LeaseOwner, first.LeaseExpiresAt, first.Attempt, first.StartedAt));
        Assert.Null(await Store.ClaimStepAsync("w4", Lease, now));
        var stored = (await Store.GetStepsAsync("r1"))[0];
        Assert.Equal((StepStatus.Running, "w1", now + Lease, 1), (stored.Status, stored.LeaseOwner, stored.LeaseExpiresAt, stored.Attempt));
    }

    [Fact]
    public async Task A_step_is_not_claimable_before_its_NotBefore()
    {
        var due = T0.AddMinutes(10);
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1", notBefore: due)]);

        Assert.Null(await Store.ClaimStepAsync("w", Lease, due.AddTicks(-1)));
        var claimed = await Store.ClaimStepAsync("w", Lease, due);

        Assert.Equal(due, claimed!.NotBefore);
        Assert.Equal(due, claimed.StartedAt);
    }

    public static TheoryData<RunStatus> AllRunStatuses => new(Enum.GetValues<RunStatus>());

    [Theory]
    [MemberData(nameof(AllRunStatuses))]
    public async Task Steps_are_claimable_exactly_while_their_run_is_not_final(RunStatus status)
    {
        await Store.CreateRunAsync(Run("r1", "j", T0, status), [Step("r1")]);

        var claimed = await Store.ClaimStepAsync("w", Lease, T0);

        Assert.Equal(!status.IsFinal(), claimed is not null);
    }

    [Theory]
    [InlineData(RunStatus.Completed)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Canceled)]
    [InlineData(RunStatus.Terminated)]
    public async Task Steps_of_a_final_run_are_skipped_for_later_ones(RunStatus final)
    {
        await Store.CreateRunAsync(Run("done", "j", T0, final), [Step("done")]);
        await Store.CreateRunAsync(Run("live", "j", T0, RunStatus.Running), [Step("live")]);

        var claimed = await Store.ClaimStepAsync("w", Lease, T0);

        Assert.Equal("live", claimed!.RunId);
        Assert.Null(await Store.ClaimStepAsync("w", Lease, T0));
        Assert.Equal(StepStatus.Pending, (await Store.GetStepsAsync("done"))[0].Status);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_can_no_longer_finish()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1")]);
        var old = await Store.ClaimStepAsync("dead-worker", Lease, T0);

        Assert.Null(await Store.ClaimStepAsync("w2", Lease, T0 + Lease)); // expiry is exclusive: not yet
        var taken = await Store.ClaimStepAsync("w2", Lease, T0 + Lease + TimeSpan.FromTicks(1));

        Assert.Equal(old!.Id, taken!.Id);
        Assert.Equal(("w2", 2), (taken.LeaseOwner, taken.Attempt));
        var late = old with { Status = StepStatus.Completed, CompletedAt = T0.AddMinutes(6), Output = "late" };
        Assert.False(await Store.FinishStepAsync(late, "dead-worker", [Step("r1", StepKind.Commit)]));
        var stored = Assert.Single(await Store.GetStepsAsync("r1")); // the next steps were not added either
        Assert.Equal((StepStatus.Running, "w2", 2, (string?)null), (stored.Status, stored.LeaseOwner, stored.Attempt, stored.Output));
    }

    [Fact]
    public async Task Finish_records_the_result_and_adds_the_next_steps_atomically()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1", StepKind.Plan)]);
        var plan = await Store.ClaimStepAsync("w", Lease, T0);
        var done = plan! with { Status = StepStatus.Completed, CompletedAt = T0.AddSeconds(3), Rows = 77, Output = "{\"items\":2}" };

        Assert.True(await Store.FinishStepAsync(done, "w", [Step("r1", StepKind.Copy, 0), Step("r1", StepKind.Copy, 1)]));

        var steps = await Store.GetStepsAsync("r1");
        Assert.Equal([(StepKind.Plan, 0, StepStatus.Completed), (StepKind.Copy, 0, StepStatus.Pending), (StepKind.Copy, 1, StepStatus.Pending)],
            steps.Select(s => (s.Kind, s.Ordinal, s.Status)));
        Assert.Equal((77L, "{\"items\":2}", T0.AddSeconds(3), 1), (steps[0].Rows, steps[0].Output, steps[0].CompletedAt, steps[0].Attempt));
        Assert.Equal(steps[1].Id, (await Store.ClaimStepAsync("w", Lease, T0))!.Id);
        Assert.False(await Store.FinishStepAsync(done, "w", [])); // a step that is no longer Running cannot be finished twice
    }

    [Fact]
    public async Task A_rescheduled_step_waits_for_its_NotBefore_and_counts_the_next_attempt()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1")]);
        var first = await Store.ClaimStepAsync("w", Lease, T0);
        var retryAt = T0.AddMinutes(1);

        Assert.True(await Store.FinishStepAsync(
            first! with { Status = StepStatus.Pending, NotBefore = retryAt, Error = "transient" }, "w", []));

        Assert.Null(await Store.ClaimStepAsync("w", Lease, T0.AddSeconds(59)));
        var second = await Store.ClaimStepAsync("w", Lease, retryAt);
        Assert.Equal((first!.Id, 2, "transient"), (second!.Id, second.Attempt, second.Error));
    }

    [Fact]
    public async Task Finish_refuses_a_step_that_is_still_running()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1")]);
        var step = await Store.ClaimStepAsync("w", Lease, T0);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.FinishStepAsync(step!, "w", []));
    }

    [Fact]
    public async Task A_commit_step_waits_until_every_copy_of_its_run_is_completed()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1", StepKind.Copy, 0), Step("r1", StepKind.Copy, 1), Step("r1", StepKind.Commit)]);

        var copy0 = await Store.ClaimStepAsync("w", Lease, T0);
        var copy1 = await Store.ClaimStepAsync("w", Lease, T0);
        Assert.Null(await Store.ClaimStepAsync("w", Lease, T0)); // both copies running: commit not yet
        Assert.True(await Store.FinishStepAsync(copy0! with { Status = StepStatus.Completed }, "w", []));
        Assert.Null(await Store.ClaimStepAsync("w", Lease, T0)); // one copy still running
        Assert.True(await Store.FinishStepAsync(copy1! with { Status = StepStatus.Completed }, "w", []));
        var commit = await Store.ClaimStepAsync("w", Lease, T0);

        Assert.Equal((StepKind.Copy, StepKind.Copy, StepKind.Commit), (copy0!.Kind, copy1!.Kind, commit!.Kind));
    }

    [Fact]
    public async Task A_lease_is_renewed_only_by_its_owner()
    {
        await Store.CreateRunAsync(Run("r1", "j", T0), [Step("r1")]);
        var step = await Store.ClaimStepAsync("w1", Lease, T0);

        Assert.True(await Store.RenewLeaseAsync(step!.Id, "w1", T0 + Lease + Lease));
        Assert.False(await Store.RenewLeaseAsync(step.Id, "w2", T0 + Lease + Lease + Lease));
        Assert.Null(await Store.ClaimStepAsync("w2", Lease, T0 + Lease + TimeSpan.FromSeconds(1))); // renewed: not expired
        var stored = (await Store.GetStepsAsync("r1"))[0];
        Assert.Equal(("w1", T0 + Lease + Lease), (stored.LeaseOwner, stored.LeaseExpiresAt));
    }
}
