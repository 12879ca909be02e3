using FunctionsIngest.Data;
using FunctionsIngest.Jobs;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>Housekeeping of a run's files outside the happy path (failure, cancel, purge).</summary>
public static class RunFiles
{
    /// <summary>Removes the run's staging folder; the reason when it could not be removed now, null when it was.</summary>
    public static async Task<string?> TryDeleteStagingAsync(IFileStorage storage, JobDefinition job, string runId, CancellationToken ct)
    {
        try
        {
            var paths = new RunPaths(job, runId);
            await paths.Dataset.DeleteStagingAsync(storage, ct);
            await paths.Quarantine.DeleteStagingAsync(storage, ct);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoragePathException or IngestException)
        {
            return ex.Message;
        }
    }

    /// <summary>Best effort: a copy still writing its part holds the folder, and that run's own step removes it when it stops.</summary>
    public static Task DeleteStagingAsync(IFileStorage storage, RunRecord run, CancellationToken ct) =>
        TryDeleteStagingAsync(storage, IngestJson.Deserialize<JobDefinition>(run.JobSnapshot), run.Id, ct);
}
