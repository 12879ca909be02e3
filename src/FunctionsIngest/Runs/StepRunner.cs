using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs;

/// <summary>
/// Claims one step, executes it and records the outcome: the next steps, a retry after a transient
/// failure, or the run's failure. Host-agnostic: the standalone worker pool and the Functions queue
/// trigger both call it.
/// </summary>
public sealed class StepRunner
{
    private readonly IIngestStore _store;
    private readonly LocalStorage _storage;
    private readonly TimeProvider _clock;
    private readonly RunSignal _signal;
    private readonly Dictionary<StepKind, IStepExecutor> _executors;

    public StepRunner(IIngestStore store, LocalStorage storage, TimeProvider clock, RunSignal signal, IEnumerable<IStepExecutor> executors)
    {
        _store = store;
        _storage = storage;
        _clock = clock;
        _signal = signal;
        _executors = executors.ToDictionary(e => e.Kind);
    }

    /// <summary>How long a claimed step is ours without renewal; a dead worker's step is taken over after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Claims and executes one step; false when no step was claimable.</summary>
    public async Task<bool> RunOneAsync(string owner, CancellationToken ct)
    {
        var step = await _store.ClaimStepAsync(owner, Lease, _clock.GetUtcNow(), ct);
        if (step is null)
            return false;
        await ExecuteAsync(step, owner, ct);
        return true;
    }

    private async Task ExecuteAsync(RunStep step, string owner, CancellationToken ct)
    {
        var run = await _store.GetRunAsync(step.RunId, ct) ?? throw new InvalidOperationException($"Run {step.RunId} of step {step.Id} does not exist.");
        var job = IngestJson.Deserialize<JobDefinition>(run.JobSnapshot);
        var name = StepName(step);
        var log = new RunLog(run.Id, name, _clock);
        var started = _clock.GetUtcNow();
        if (run.Status == RunStatus.Pending)
            run = await UpdateRunAsync(run.Id, r => r with { Status = RunStatus.Running, StartedAt = started }, ct);
        log.Info($"Step {name} started (attempt {step.Attempt}).", new { attempt = step.Attempt });

        try
        {
            StepResult result;
            await using (new LeaseHeartbeat(_store, step, owner, Lease, _clock))
                result = await _executors[step.Kind].ExecuteAsync(new StepContext(step, run, job, log, started), ct);
            var finished = _clock.GetUtcNow();
            log.Info($"Step {name} completed in {(finished - started).TotalMilliseconds:0} ms.", new { durationMs = (finished - started).TotalMilliseconds, rows = result.Rows });
            await _store.AppendLogsAsync(log.Entries, ct);
            var done = step with { Status = StepStatus.Completed, CompletedAt = finished, Output = result.Output, Rows = result.Rows, Error = null };
            if (!await _store.FinishStepAsync(done, owner, result.Next, ct))
                return;
            if (step.Kind == StepKind.Commit)
                await CompleteRunAsync(run.Id, result.Output, finished, ct);
            if (result.Next.Count > 0)
                _signal.Notify();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the lease expires and another worker (or this one after restart) takes the step over.
            log.Warning($"Step {name} interrupted by shutdown; it will be retried.");
            await _store.AppendLogsAsync(log.Entries, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(step, owner, name, job, log, ex, ct);
        }
    }

    private async Task RecordFailureAsync(RunStep step, string owner, string name, JobDefinition job, RunLog log, Exception ex, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var message = Describe(ex, step, job);
        var delay = StepFailure.IsTransient(ex) ? Retry.DelayAfter(step.Attempt) : null;
        var where = ex is IngestException ie ? new { file = ie.File, sheet = ie.Sheet, cell = ie.Cell, column = ie.Column } : null;
        if (delay is { } wait)
        {
            log.Warning($"Step {name} failed (attempt {step.Attempt}) and will be retried in {wait.TotalSeconds:0.#} s: {message}",
                new { attempt = step.Attempt, retryInSeconds = wait.TotalSeconds, error = message, exception = ex.GetType().Name });
            await _store.AppendLogsAsync(log.Entries, ct);
            await _store.FinishStepAsync(step with { Status = StepStatus.Pending, NotBefore = now + wait, Error = message, LeaseOwner = null, LeaseExpiresAt = null }, owner, [], ct);
            return;
        }

        log.Error($"Step {name} failed: {message}", new { attempt = step.Attempt, error = message, exception = ex.GetType().Name, where });
        await _store.AppendLogsAsync(log.Entries, ct);
        if (!await _store.FinishStepAsync(step with { Status = StepStatus.Failed, CompletedAt = now, Error = message }, owner, [], ct))
            return;
        await UpdateRunAsync(step.RunId, r => r with { Status = RunStatus.Failed, Error = message, CompletedAt = now }, ct);
        TryDeleteStaging(job, step.RunId, log);
    }

    private async Task CompleteRunAsync(string runId, string? commitOutput, DateTimeOffset now, CancellationToken ct)
    {
        var output = IngestJson.Deserialize<CommitOutput>(commitOutput!);
        await UpdateRunAsync(runId, r => r with
        {
            Status = RunStatus.Completed,
            CompletedAt = now,
            RowsRead = output.RowsRead,
            RowsWritten = output.RowsWritten,
            Output = output.Files,
            Error = null,
        }, ct);
        await _store.AppendLogsAsync([new RunLogEntry
        {
            RunId = runId, Timestamp = _clock.GetUtcNow(), Step = "run", Message = $"Run completed: {output.RowsWritten} row(s) written.",
            Data = IngestJson.Serialize(new { rowsRead = output.RowsRead, rowsWritten = output.RowsWritten, files = output.Files }),
        }], ct);
    }

    private async Task<RunRecord> UpdateRunAsync(string runId, Func<RunRecord, RunRecord> change, CancellationToken ct)
    {
        var current = await _store.GetRunAsync(runId, ct) ?? throw new InvalidOperationException($"Run {runId} vanished.");
        var updated = change(current) with { LastUpdatedAt = _clock.GetUtcNow() };
        await _store.UpdateRunAsync(updated, ct);
        return updated;
    }

    private void TryDeleteStaging(JobDefinition job, string runId, RunLog log)
    {
        try { new DatasetPaths(_storage, job.Destination.Path, runId).DeleteStaging(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoragePathException)
        {
            log.Warning($"Could not remove the staging folder of run {runId}: {ex.Message}");
        }
    }

    public static string StepName(RunStep step) => step.Kind switch
    {
        StepKind.Copy => $"copy[{step.Ordinal}]",
        _ => step.Kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(Exception ex, RunStep step, JobDefinition job) => ex switch
    {
        IngestException or StoragePathException => ex.Message,
        _ => $"{ex.GetType().Name} while processing '{job.Source.Path}' in step {StepName(step)}: {ex.Message}",
    };
}
