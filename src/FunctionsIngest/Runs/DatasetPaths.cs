using System.Globalization;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>
/// Where a run's files live, as storage-relative paths. Copies stage their parts beside the dataset, in a hidden
/// sibling folder (".NAME.staging/RUNID"), and the commit publishes them into the dataset
/// ("NAME/run-TIMESTAMP-RUNID/part-NNNNN.parquet"): with one atomic folder rename on local storage, with copies on
/// blob storage. Manifests sit in "NAME/_manifests"; a run's manifest is written last and lists exactly its parts.
/// </summary>
public sealed class DatasetPaths
{
    public DatasetPaths(string datasetPath, string runId)
    {
        var problem = StoragePaths.Validate(datasetPath);
        if (problem is not null)
            throw new StoragePathException(datasetPath, problem);
        RunId = runId;
        Dataset = datasetPath.Replace('\\', '/').TrimEnd('/');
        var slash = Dataset.LastIndexOf('/');
        var parent = slash < 0 ? "" : Dataset[..(slash + 1)];
        StagingRoot = $"{parent}.{Dataset[(slash + 1)..]}.staging";
    }

    public string RunId { get; }

    public string Dataset { get; }

    /// <summary>The hidden folder beside the dataset where all of its runs stage.</summary>
    public string StagingRoot { get; }

    public string Staging => $"{StagingRoot}/{RunId}";

    public string Manifests => $"{Dataset}/_manifests";

    public string Manifest => $"{Manifests}/{RunId}.json";

    public string StagedPart(string part) => $"{Staging}/{part}";

    /// <summary>The folder a run's parts are published in; named by the run's creation time so that runs list in order.</summary>
    public string RunFolder(DateTimeOffset createdAt) =>
        $"{Dataset}/run-{createdAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{RunId}";

    public Task DeleteStagingAsync(IFileStorage storage, CancellationToken ct) => storage.DeleteFolderAsync(Staging, ct);
}
