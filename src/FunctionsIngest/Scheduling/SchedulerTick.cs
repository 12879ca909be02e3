using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Store;

namespace FunctionsIngest.Scheduling;

/// <summary>What one tick did.</summary>
public sealed record TickResult(DateTimeOffset Now, int JobsEvaluated, int RunsCreated, int SkippedOverlapping, int AlreadyCreated);

/// <summary>
/// Creates the runs that came due since the previous tick, for every enabled job with a schedule. Safe to
/// run concurrently or repeatedly: a (job, scheduled instant) pair can create at most one run.
/// </summary>
public sealed class SchedulerTick(IIngestStore store, RunService runs, TimeProvider clock)
{
    /// <summary>An instant at most this old counts as on time, not missed (the tick runs every minute).</summary>
    public static readonly TimeSpan OnTimeWindow = TimeSpan.FromSeconds(90);

    /// <summary>How far back a first tick, or a tick after downtime, looks for missed instants.</summary>
    public static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(31);

    public async Task<TickResult> TickAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cursor = await store.GetSchedulerCursorAsync(ct) ?? now - OnTimeWindow;
        if (cursor < now - MaxLookBack)
            cursor = now - MaxLookBack;
        int evaluated = 0, created = 0, skipped = 0, duplicates = 0;
        foreach (var scheduled in await store.ListScheduledJobsAsync(ct))
        {
            evaluated++;
            // A job created or changed after the cursor has nothing "missed" from before it existed.
            var after = scheduled.UpdatedAt > cursor ? scheduled.UpdatedAt : cursor;
            var due = Due(ScheduleCalendar.For(scheduled.Schedule, scheduled.TimeZone), scheduled.CatchUp, after, now);
            if (due.Count == 0)
                continue;
            if (await store.GetJobAsync(scheduled.Id, ct) is not { } job)
                continue; // deleted since the listing
            foreach (var instant in due)
            {
                var result = await runs.StartAsync(job, "schedule", instant, ct);
                if (result.Run is not null)
                    created++;
                else if (result.AlreadyScheduled)
                    duplicates++;
                else
                    skipped++;
            }
        }
        await store.SetSchedulerCursorAsync(now, ct);
        return new TickResult(now, evaluated, created, skipped, duplicates);
    }

    /// <summary>The instants in (after, now] that should run under the job's catch-up policy.</summary>
    public static IReadOnlyList<DateTimeOffset> Due(ScheduleCalendar calendar, string catchUp, DateTimeOffset after, DateTimeOffset now)
    {
        var occurrences = calendar.Occurrences(after, now).ToList();
        if (occurrences.Count == 0)
            return [];
        var onTime = occurrences.Where(o => o > now - OnTimeWindow).ToList();
        var missed = occurrences.Count - onTime.Count;
        return catchUp switch
        {
            CatchUpPolicies.Skip => onTime,
            CatchUpPolicies.All => occurrences.TakeLast(CatchUpPolicies.MaxCatchUpRuns).ToList(),
            _ => onTime.Count > 0 ? onTime : missed > 0 ? [occurrences[^1]] : [],
        };
    }
}
