using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;

namespace FunctionsIngest.Store;

/// <summary>
/// Everything the engine keeps: jobs, runs, run steps, run logs. Narrow on purpose, so that a second
/// implementation (PostgreSQL) is a day's work. Every method is safe to call concurrently.
/// </summary>
public interface IIngestStore
{
    // Jobs. Names are unique case-insensitively (DuplicateJobNameException).
    Task CreateJobAsync(Job job, CancellationToken ct = default);
    Task<Job?> GetJobAsync(string id, CancellationToken ct = default);
    Task<IReadOnlyList<JobSummary>> ListJobsAsync(CancellationToken ct = default);
    /// <summary>False if no job has that id.</summary>
    Task<bool> UpdateJobAsync(Job job, CancellationToken ct = default);
    /// <summary>False if no job has that id. The job's runs and logs stay (history).</summary>
    Task<bool> DeleteJobAsync(string id, CancellationToken ct = default);

    // Runs.
    /// <summary>Creates the run and its first steps in one transaction.</summary>
    Task CreateRunAsync(RunRecord run, IReadOnlyList<RunStep> steps, CancellationToken ct = default);
    Task<RunRecord?> GetRunAsync(string id, CancellationToken ct = default);
    Task<Page<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken ct = default);
    /// <summary>Replaces the run's mutable fields (status, times, rows, output, error, custom status).</summary>
    Task UpdateRunAsync(RunRecord run, CancellationToken ct = default);

    /// <summary>
    /// Creates the run and its first steps unless <paramref name="exclusive"/> and the job already has a
    /// Pending or Running run (returned as <see cref="RunAdmission.ActiveRun"/>), or the run is scheduled
    /// (<see cref="RunRecord.ScheduledFor"/>) and the job already has a run for that instant. Atomic.
    /// </summary>
    Task<RunAdmission> TryCreateRunAsync(RunRecord run, IReadOnlyList<RunStep> steps, bool exclusive, CancellationToken ct = default);
    /// <summary>The job's Pending and Running runs, oldest first.</summary>
    Task<IReadOnlyList<RunRecord>> GetActiveRunsAsync(string jobId, CancellationToken ct = default);
    /// <summary>Marks a run Canceled (its steps are no longer claimable) unless it is final or its commit has started.</summary>
    Task<CancelOutcome> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Deletes a run with its steps and logs; false if no run has that id.</summary>
    Task<bool> DeleteRunAsync(string runId, CancellationToken ct = default);

    // Scheduling and incremental sources.
    /// <summary>Every enabled job that has a schedule (the scheduler's whole view of the jobs).</summary>
    Task<IReadOnlyList<ScheduledJob>> ListScheduledJobsAsync(CancellationToken ct = default);
    /// <summary>The instant up to which the scheduler has created due runs; null before its first tick.</summary>
    Task<DateTimeOffset?> GetSchedulerCursorAsync(CancellationToken ct = default);
    Task SetSchedulerCursorAsync(DateTimeOffset cursor, CancellationToken ct = default);
    /// <summary>The files a job's committed runs have ingested, by path, with the size and time last seen.</summary>
    Task<IReadOnlyDictionary<string, FileVersion>> GetWatermarkAsync(string jobId, CancellationToken ct = default);
    /// <summary>Records (upserts) files as ingested; called by Commit only.</summary>
    Task AdvanceWatermarkAsync(string jobId, IReadOnlyList<FileVersion> files, CancellationToken ct = default);

    /// <summary>Like <see cref="UpdateRunAsync"/>, but only while the run is Pending or Running; false otherwise.</summary>
    Task<bool> UpdateActiveRunAsync(RunRecord run, CancellationToken ct = default);

    // Steps.
    Task<IReadOnlyList<RunStep>> GetStepsAsync(string runId, CancellationToken ct = default);
    /// <summary>
    /// Atomically claims one step that is Pending (and due: NotBefore null or past), or Running with an
    /// expired lease, of a run that is not final; a Commit step only once every Copy step of its run is Completed. Sets Running, owner, lease expiry, Attempt+1, StartedAt.
    /// Oldest first. Null when none is claimable.
    /// </summary>
    Task<RunStep?> ClaimStepAsync(string owner, TimeSpan lease, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Like <see cref="ClaimStepAsync(string, TimeSpan, DateTimeOffset, CancellationToken)"/>, among the steps of one run only.</summary>
    Task<RunStep?> ClaimStepAsync(string owner, TimeSpan lease, DateTimeOffset now, string? runId, CancellationToken ct = default);
    /// <summary>Extends the lease of a step the caller still holds; false if the lease was lost or the run became final (cancelled).</summary>
    Task<bool> RenewLeaseAsync(long stepId, string owner, DateTimeOffset expiresAt, CancellationToken ct = default);
    /// <summary>How many steps each run (or only <paramref name="runId"/>) has that a worker could claim now.</summary>
    Task<IReadOnlyDictionary<string, int>> CountClaimableStepsAsync(DateTimeOffset now, string? runId = null, CancellationToken ct = default);
    /// <summary>
    /// Records a finished (Completed or Failed) or rescheduled (Pending with NotBefore) step, only if the
    /// caller still holds its lease; adds <paramref name="next"/> steps in the same transaction. False if
    /// the lease was lost (another worker took the step over).
    /// </summary>
    Task<bool> FinishStepAsync(RunStep step, string owner, IReadOnlyList<RunStep> next, CancellationToken ct = default);
    /// <summary>
    /// <see cref="FinishStepAsync(RunStep, string, IReadOnlyList{RunStep}, CancellationToken)"/> that also applies
    /// <paramref name="run"/> (as <see cref="UpdateActiveRunAsync"/>) in the same transaction, so a crash cannot
    /// separate a finished commit from its run's completion.
    /// </summary>
    Task<bool> FinishStepAsync(RunStep step, string owner, IReadOnlyList<RunStep> next, RunRecord? run, CancellationToken ct = default);

    // Logs.
    Task AppendLogsAsync(IReadOnlyList<RunLogEntry> entries, CancellationToken ct = default);
    Task<Page<RunLogEntry>> ListLogsAsync(LogQuery query, CancellationToken ct = default);
}
