using System.Text.Json.Nodes;
using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.Runs;

/// <summary>
/// Claims one step, executes it and records the outcome atomically with the run's new state: the next
/// steps, a retry after a transient failure, or the run's failure. Host-agnostic: the standalone worker
/// pool and the Functions queue trigger both call it.
/// </summary>
public sealed class StepRunner
{
    private readonly IIngestStore _store;
    private readonly IFileStorage _storage;
    private readonly TimeProvider _clock;
    private readonly RunSignal _signal;
    private readonly Dictionary<StepKind, IStepExecutor> _executors;

    public StepRunner(IIngestStore store, IFileStorage storage, TimeProvider clock, RunSignal signal, IEnumerable<IStepExecutor> executors)
    {
        _store = store;
        _storage = storage;
        _clock = clock;
        _signal = signal;
        _executors = executors.ToDictionary(e => e.Kind);
    }

    /// <summary>How long a claimed step is ours without renewal; a dead worker's step is taken over after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Claims and executes one step (of <paramref name="runId"/> only, if given); false when no step was claimable.</summary>
    public async Task<bool> RunOneAsync(string owner, CancellationToken ct, string? runId = null) =>
        await ExecuteNextAsync(owner, ct, runId) != StepOutcome.NoneClaimable;

    /// <summary>Claims and executes one step (of <paramref name="runId"/> only, if given), and says how it ended.</summary>
    public async Task<StepOutcome> ExecuteNextAsync(string owner, CancellationToken ct, string? runId = null)
    {
        var step = await _store.ClaimStepAsync(owner, Lease, _clock.GetUtcNow(), runId, ct);
        if (step is null)
            return StepOutcome.NoneClaimable;
        return await ExecuteAsync(step, owner, ct);
    }

    private async Task<StepOutcome> ExecuteAsync(RunStep step, string owner, CancellationToken ct)
    {
        var run = await _store.GetRunAsync(step.RunId, ct) ?? throw new InvalidOperationException($"Run {step.RunId} of step {step.Id} does not exist.");
        var job = IngestJson.Deserialize<JobDefinition>(run.JobSnapshot);
        var name = StepName(step);
        var log = new RunLog(run.Id, name, _clock);
        var started = _clock.GetUtcNow();
        if (run.Status == RunStatus.Pending)
        {
            run = run with { Status = RunStatus.Running, StartedAt = started, LastUpdatedAt = started };
            await _store.UpdateActiveRunAsync(run, ct);
        }
        log.Info($"Step {name} started (attempt {step.Attempt}).", new JsonObject { ["attempt"] = step.Attempt });

        StepResult result;
        try
        {
            await using var heartbeat = new LeaseHeartbeat(_store, step, owner, Lease, _clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, heartbeat.LeaseLost);
            try
            {
                result = await _executors[step.Kind].ExecuteAsync(new StepContext(step, run, job, log, started), linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && heartbeat.LeaseLost.IsCancellationRequested)
            {
                await AbandonAsync(step, owner, name, job, log);
                return StepOutcome.Abandoned;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the lease expires and another worker (or this one after a restart) takes the step over.
            log.Warning($"Step {name} interrupted by shutdown; it will be taken over.");
            await _store.AppendLogsAsync(log.Entries, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            return await RecordFailureAsync(step, owner, name, job, log, ex, ct);
        }

        var finished = _clock.GetUtcNow();
        log.Info($"Step {name} completed in {(finished - started).TotalMilliseconds:0} ms.", new JsonObject { ["durationMs"] = (finished - started).TotalMilliseconds, ["rows"] = result.Rows });
        await _store.AppendLogsAsync(log.Entries, ct);
        var done = step with { Status = StepStatus.Completed, CompletedAt = finished, Output = result.Output, Rows = result.Rows, Error = null };
        var completedRun = step.Kind == StepKind.Commit ? Completed(run, result.Output!, finished) : null;
        if (!await _store.FinishStepAsync(done, owner, result.Next, completedRun, ct))
            return StepOutcome.Abandoned;
        if (completedRun is not null)
            await LogRunCompletedAsync(completedRun, ct);
        else if (await IsStoppedAsync(run.Id, ct))
            await TryDeleteStagingAsync(job, run.Id, log);
        if (result.Next.Count > 0)
            _signal.Notify();
        return StepOutcome.Completed;
    }

    /// <summary>The lease was lost mid-step: the run was cancelled (clean up), or another worker took the step (leave it).</summary>
    private async Task AbandonAsync(RunStep step, string owner, string name, JobDefinition job, RunLog log)
    {
        var current = await _store.GetRunAsync(step.RunId, CancellationToken.None);
        if (current?.Status is RunStatus.Canceled)
        {
            log.Warning($"Step {name} stopped: the run was cancelled.");
            await _store.AppendLogsAsync(log.Entries, CancellationToken.None);
            await _store.FinishStepAsync(step with { Status = StepStatus.Failed, CompletedAt = _clock.GetUtcNow(), Error = "Cancelled." }, owner, [], CancellationToken.None);
            await TryDeleteStagingAsync(job, step.RunId, log);
            return;
        }
        log.Warning($"Step {name} stopped: its lease was taken over by another worker.");
        await _store.AppendLogsAsync(log.Entries, CancellationToken.None);
    }

    private async Task<StepOutcome> RecordFailureAsync(RunStep step, string owner, string name, JobDefinition job, RunLog log, Exception ex, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var message = Describe(ex, step, job);
        var retry = job.Retry ?? RetryPolicy.Default;
        var delay = StepFailure.IsTransient(ex) ? retry.DelayAfter(step.Attempt) : null;
        var where = ex is IngestException ie ? new JsonObject { ["file"] = ie.File, ["sheet"] = ie.Sheet, ["cell"] = ie.Cell, ["column"] = ie.Column } : null;
        if (delay is { } wait)
        {
            log.Warning($"Step {name} failed (attempt {step.Attempt} of {retry.MaxAttempts}) and will be retried in {wait.TotalSeconds:0.#} s: {message}",
                new JsonObject { ["attempt"] = step.Attempt, ["maxAttempts"] = retry.MaxAttempts, ["retryInSeconds"] = wait.TotalSeconds, ["error"] = message, ["exception"] = ex.GetType().Name, ["where"] = where });
            await _store.AppendLogsAsync(log.Entries, ct);
            await _store.FinishStepAsync(step with { Status = StepStatus.Pending, NotBefore = now + wait, Error = message, LeaseOwner = null, LeaseExpiresAt = null }, owner, [], ct);
            _signal.Notify();
            return StepOutcome.RetryScheduled;
        }

        log.Error($"Step {name} failed: {message}", new JsonObject { ["attempt"] = step.Attempt, ["error"] = message, ["exception"] = ex.GetType().Name, ["where"] = where });
        await _store.AppendLogsAsync(log.Entries, ct);
        var current = await _store.GetRunAsync(step.RunId, ct);
        var failedRun = current is null ? null : current with { Status = RunStatus.Failed, Error = message, CompletedAt = now, LastUpdatedAt = now };
        if (!await _store.FinishStepAsync(step with { Status = StepStatus.Failed, CompletedAt = now, Error = message }, owner, [], failedRun, ct))
            return StepOutcome.Abandoned;
        await KeepOrDeleteStagingAsync(job, step.RunId, log, ct);
        return StepOutcome.RunFailed;
    }

    /// <summary>A failed run keeps the parts its completed copies staged, for a rerun to reuse; otherwise nothing stays.</summary>
    private async Task KeepOrDeleteStagingAsync(JobDefinition job, string runId, RunLog log, CancellationToken ct)
    {
        var steps = await _store.GetStepsAsync(runId, ct);
        if (!steps.Any(s => s.Kind == StepKind.Copy && s.Status == StepStatus.Completed))
            await TryDeleteStagingAsync(job, runId, log);
    }

    private async Task<bool> IsStoppedAsync(string runId, CancellationToken ct) =>
        (await _store.GetRunAsync(runId, ct))?.Status is RunStatus.Canceled or RunStatus.Terminated;

    private static RunRecord Completed(RunRecord run, string commitOutput, DateTimeOffset now)
    {
        var output = IngestJson.Deserialize<CommitOutput>(commitOutput);
        return run with
        {
            Status = RunStatus.Completed, CompletedAt = now, LastUpdatedAt = now,
            RowsRead = output.RowsRead, RowsWritten = output.RowsWritten, RowsQuarantined = output.RowsQuarantined, Output = output.Files, Error = null,
        };
    }

    private async Task LogRunCompletedAsync(RunRecord run, CancellationToken ct) =>
        await _store.AppendLogsAsync([new RunLogEntry
        {
            RunId = run.Id, Timestamp = _clock.GetUtcNow(), Step = "run", Message = run.RowsQuarantined > 0
                ? $"Run completed: {run.RowsWritten} row(s) written, {run.RowsQuarantined} quarantined."
                : $"Run completed: {run.RowsWritten} row(s) written.",
            Data = LogData.Write(new JsonObject { ["rowsRead"] = run.RowsRead, ["rowsWritten"] = run.RowsWritten, ["rowsQuarantined"] = run.RowsQuarantined, ["files"] = LogData.Strings(run.Output) }),
        }], ct);

    private async Task TryDeleteStagingAsync(JobDefinition job, string runId, RunLog log)
    {
        if (await RunFiles.TryDeleteStagingAsync(_storage, job, runId, CancellationToken.None) is { } problem)
            log.Warning($"Could not remove the staging folder of run {runId}: {problem}");
    }

    public static string StepName(RunStep step) => step.Kind switch
    {
        StepKind.Copy => $"copy[{step.Ordinal}]",
        _ => step.Kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(Exception ex, RunStep step, JobDefinition job) => ex switch
    {
        IngestException or StoragePathException or SchemaMismatchException => ex.Message,
        _ => $"{ex.GetType().Name} while processing '{job.Source.Path}' in step {StepName(step)}: {ex.Message}",
    };
}
