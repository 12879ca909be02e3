using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>
/// Where a run's files live inside a dataset folder. Staging and manifests sit in folders starting
/// with "_", which Spark, Hive-style readers and `*.parquet` globs skip.
/// </summary>
public sealed class DatasetPaths(LocalStorage storage, string datasetPath, string runId)
{
    public LocalStorage Storage { get; } = storage;

    public string Dataset { get; } = storage.Resolve(datasetPath);

    public string Staging => Path.Combine(Dataset, "_staging", runId);

    public string Manifests => Path.Combine(Dataset, "_manifests");

    public string StagedPart(string part) => Path.Combine(Staging, part);

    public string PublishedPart(string part) => Path.Combine(Dataset, $"{Path.GetFileNameWithoutExtension(part)}-{runId}.parquet");

    public string Manifest => Path.Combine(Manifests, $"{runId}.json");

    public void DeleteStaging()
    {
        if (Directory.Exists(Staging))
            Directory.Delete(Staging, recursive: true);
        // Other runs of the dataset stage and clean up concurrently: the shared folder may vanish or refill at any moment.
        try
        {
            var stagingRoot = Path.GetDirectoryName(Staging)!;
            if (!Directory.EnumerateFileSystemEntries(stagingRoot).Any())
                Directory.Delete(stagingRoot);
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
