using System.Globalization;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>
/// Where a run's files live. Copies stage their parts beside the dataset, in a hidden sibling folder
/// (".NAME.staging/RUNID"), and the commit publishes them with one atomic folder rename into the dataset
/// ("NAME/run-TIMESTAMP-RUNID/part-NNNNN.parquet"), so a reader globbing "NAME/*/*.parquet" sees all of a
/// run's parts or none. Manifests sit in "NAME/_manifests".
/// </summary>
public sealed class DatasetPaths
{
    public DatasetPaths(LocalStorage storage, string datasetPath, string runId)
    {
        Storage = storage;
        RunId = runId;
        Dataset = storage.Resolve(datasetPath);
        var name = Path.GetFileName(Dataset.TrimEnd(Path.DirectorySeparatorChar));
        StagingRoot = Path.Combine(Path.GetDirectoryName(Dataset.TrimEnd(Path.DirectorySeparatorChar))!, $".{name}.staging");
    }

    public LocalStorage Storage { get; }

    public string RunId { get; }

    public string Dataset { get; }

    /// <summary>The hidden folder beside the dataset where all of its runs stage.</summary>
    public string StagingRoot { get; }

    public string Staging => Path.Combine(StagingRoot, RunId);

    public string Manifests => Path.Combine(Dataset, "_manifests");

    public string Manifest => Path.Combine(Manifests, $"{RunId}.json");

    public string StagedPart(string part) => Path.Combine(Staging, part);

    /// <summary>The folder a run's parts are published in; named by the run's creation time so that runs list in order.</summary>
    public string RunFolder(DateTimeOffset createdAt) =>
        Path.Combine(Dataset, $"run-{createdAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{RunId}");

    public void DeleteStaging()
    {
        if (Directory.Exists(Staging))
            Directory.Delete(Staging, recursive: true);
        // Other runs of the dataset stage and clean up concurrently: the shared folder may vanish or refill at any moment.
        try
        {
            if (!Directory.EnumerateFileSystemEntries(StagingRoot).Any())
                Directory.Delete(StagingRoot);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Not empty any more: another run is staging.
        }
    }
}
