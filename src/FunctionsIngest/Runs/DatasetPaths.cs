using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>
/// Where a run's files live inside a dataset folder. Staging and manifests sit in folders starting
/// with "_", which Spark, Hive-style readers and `*.parquet` globs skip.
/// </summary>
public sealed class DatasetPaths(LocalStorage storage, string datasetPath, string runId)
{
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
        var stagingRoot = Path.GetDirectoryName(Staging)!;
        if (Directory.Exists(stagingRoot) && !Directory.EnumerateFileSystemEntries(stagingRoot).Any())
            Directory.Delete(stagingRoot);
    }
}
