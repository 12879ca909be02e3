using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Azure;

/// <summary>The standalone service (in-process scheduler and workers, no Functions host) with its sources and datasets in Azure Blob storage.</summary>
public sealed class StandaloneOnAzuriteTests : IDisposable
{
    private readonly AzuriteHost _host = new(functionsMode: false);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Standalone_mode_reads_blob_sources_and_commits_a_blob_dataset()
    {
        _host.Upload("in/iris.xlsx", File.ReadAllBytes(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx")));
        var jobId = await _host.Client.CreateJobAsync(ApiClient.Job("iris"));

        var run = await _host.Client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        var folder = _host.DownloadParts("datasets/iris");
        var counted = DuckDb.Query($"SELECT CAST(count(*) AS INTEGER) AS n, round(sum(\"Sepal.Length\"), 1) AS total FROM read_parquet('{folder}/*/*.parquet')");
        Assert.Equal(150, counted[0].GetProperty("n").GetInt32());
        Assert.Equal(876.5, counted[0].GetProperty("total").GetDouble(), 1);
        Assert.Empty(_host.BlobNames("datasets/.iris.staging/"));
        Assert.False(Directory.Exists(Path.Combine(_host.App.DataDirectory, "files", "datasets")), "nothing may land in the local folder");
    }
}
