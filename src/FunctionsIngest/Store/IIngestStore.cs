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

    // Steps.
    Task<IReadOnlyList<RunStep>> GetStepsAsync(string runId, CancellationToken ct = default);
    /// <summary>
    /// Atomically claims one step that is Pending (and due: NotBefore null or past), or Running with an
    /// expired lease, of a run that is not final; a Commit step only once every Copy step of its run is Completed. Sets Running, owner, lease expiry, Attempt+1, StartedAt.
    /// Oldest first. Null when none is claimable.
    /// </summary>
    Task<RunStep?> ClaimStepAsync(string owner, TimeSpan lease, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Extends the lease of a step the caller still holds; false if the lease was lost.</summary>
    Task<bool> RenewLeaseAsync(long stepId, string owner, DateTimeOffset expiresAt, CancellationToken ct = default);
    /// <summary>
    /// Records a finished (Completed or Failed) or rescheduled (Pending with NotBefore) step, only if the
    /// caller still holds its lease; adds <paramref name="next"/> steps in the same transaction. False if
    /// the lease was lost (another worker took the step over).
    /// </summary>
    Task<bool> FinishStepAsync(RunStep step, string owner, IReadOnlyList<RunStep> next, CancellationToken ct = default);

    // Logs.
    Task AppendLogsAsync(IReadOnlyList<RunLogEntry> entries, CancellationToken ct = default);
    Task<Page<RunLogEntry>> ListLogsAsync(LogQuery query, CancellationToken ct = default);
}
