using System.Text.Json.Nodes;
using FunctionsIngest.Jobs;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs;

/// <summary>What a start request led to: a new run, or the reason there is none.</summary>
public sealed record StartResult(RunRecord? Run, RunRecord? ActiveRun = null, bool AlreadyScheduled = false);

/// <summary>Starts runs (manual, scheduled, reruns) under the job's overlap policy, then wakes the workers (and the dispatcher's, if any).</summary>
public sealed class RunService(IIngestStore store, RunSignal signal, TimeProvider clock, IRunDispatcher? dispatcher = null)
{
    public Task<StartResult> StartAsync(Job job, string trigger, DateTimeOffset? scheduledFor = null, CancellationToken ct = default) =>
        CreateAsync(job.Id, job.Definition, trigger, scheduledFor, rerunOf: null, ct);

    /// <summary>A new run of a failed or cancelled run's job snapshot that redoes only its unfinished work items.</summary>
    public Task<StartResult> RerunAsync(RunRecord failed, CancellationToken ct = default) =>
        CreateAsync(failed.JobId, IngestJson.Deserialize<JobDefinition>(failed.JobSnapshot), "rerun", null, failed.Id, ct);

    private async Task<StartResult> CreateAsync(string jobId, JobDefinition definition, string trigger, DateTimeOffset? scheduledFor,
        string? rerunOf, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            JobId = jobId,
            JobName = definition.Name,
            Trigger = trigger,
            Status = RunStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            ScheduledFor = scheduledFor,
            RerunOf = rerunOf,
            JobSnapshot = IngestJson.Serialize(definition),
        };
        var plan = new RunStep
        {
            RunId = run.Id, Kind = StepKind.Plan, CreatedAt = now,
            Input = rerunOf is null ? null : IngestJson.Serialize(new RerunPlan(rerunOf)),
        };
        var admission = await store.TryCreateRunAsync(run, [plan], exclusive: definition.Overlap == OverlapPolicies.Skip, ct);
        if (!admission.Created)
            return new StartResult(null, admission.ActiveRun, admission.AlreadyScheduled);

        var detail = scheduledFor is { } at ? $" for {at:u}" : rerunOf is null ? "" : $" of run {rerunOf}";
        await store.AppendLogsAsync([new RunLogEntry
        {
            RunId = run.Id, Timestamp = now, Step = "run",
            Message = $"Run created ({trigger}{detail}) for job '{definition.Name}'.",
            Data = LogData.Write(new JsonObject { ["jobId"] = jobId, ["trigger"] = trigger, ["scheduledFor"] = scheduledFor, ["rerunOf"] = rerunOf, ["overlap"] = definition.Overlap }),
        }], ct);
        signal.Notify();
        // A scheduled run is created by the timer tick, whose own response carries the wake-ups.
        if (scheduledFor is null)
            await DispatchAsync(run, ct);
        return new StartResult(run);
    }

    private async Task DispatchAsync(RunRecord run, CancellationToken ct)
    {
        if (dispatcher is null)
            return;
        try
        {
            await dispatcher.RunCreatedAsync(run.Id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.AppendLogsAsync([new RunLogEntry
            {
                RunId = run.Id, Timestamp = clock.GetUtcNow(), Step = "run", Level = RunLogLevel.Warning,
                Message = $"Could not notify the step workers ({ex.GetType().Name}: {ex.Message}); the next scheduler tick will.",
            }], CancellationToken.None);
        }
    }
}
