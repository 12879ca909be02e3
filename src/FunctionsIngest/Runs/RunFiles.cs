using FunctionsIngest.Jobs;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>Housekeeping of a run's files outside the happy path (failure, cancel, purge).</summary>
public static class RunFiles
{
    /// <summary>Removes the run's staging folder; false (with the reason) if it could not be removed now.</summary>
    public static bool TryDeleteStaging(LocalStorage storage, JobDefinition job, string runId, out string? problem)
    {
        try
        {
            new DatasetPaths(storage, job.Destination.Path, runId).DeleteStaging();
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoragePathException)
        {
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>Best effort: a copy still writing its part holds the folder, and that run's own step removes it when it stops.</summary>
    public static void DeleteStaging(LocalStorage storage, RunRecord run) =>
        TryDeleteStaging(storage, IngestJson.Deserialize<JobDefinition>(run.JobSnapshot), run.Id, out _);
}
