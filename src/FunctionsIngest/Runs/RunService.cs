using FunctionsIngest.Jobs;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs;

/// <summary>Starts runs: records the run and its Plan step, then wakes the workers.</summary>
public sealed class RunService(IIngestStore store, RunSignal signal, TimeProvider clock)
{
    public async Task<RunRecord> StartAsync(Job job, string trigger, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var run = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            JobId = job.Id,
            JobName = job.Definition.Name,
            Trigger = trigger,
            Status = RunStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            JobSnapshot = IngestJson.Serialize(job.Definition),
        };
        var plan = new RunStep { RunId = run.Id, Kind = StepKind.Plan, CreatedAt = now };
        await store.CreateRunAsync(run, [plan], ct);
        await store.AppendLogsAsync([new RunLogEntry
        {
            RunId = run.Id, Timestamp = now, Step = "run",
            Message = $"Run created ({trigger}) for job '{job.Definition.Name}'.",
            Data = IngestJson.Serialize(new { jobId = job.Id, trigger }),
        }], ct);
        signal.Notify();
        return run;
    }
}
