using System.Text;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Endpoints;

/// <summary>Bad inputs end the run Failed with a message naming the file and the reason, and publish nothing.</summary>
public sealed class RunFailureTests : IDisposable
{
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public RunFailureTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "random bytes", Encoding.ASCII.GetBytes("this is not a workbook at all"), "in/bad.xlsx" },
        { "csv renamed", Encoding.UTF8.GetBytes("a,b\n1,2\n"), "in/bad.xlsx" },
        { "truncated zip", File.ReadAllBytes(Testing.RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"))[..1500], "in/bad.xlsx" },
        { "empty file", [], "in/bad.xlsx" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_corrupt_or_non_excel_file_fails_the_run_naming_the_file(string what, byte[] content, string path)
    {
        _app.AddFile(path, content);
        var jobId = await _client.CreateJobAsync(ApiClient.Job("bad", sourcePath: path, datasetPath: "datasets/bad"));

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
        var error = run.GetProperty("error").GetString()!;
        Assert.True(error.Contains(path, StringComparison.Ordinal), $"{what}: error does not name the file: {error}");
        Assert.Equal(0, run.GetProperty("rowsWritten").GetInt64());
        Assert.Empty(run.GetProperty("output").EnumerateArray());
        AssertNoDataPublished("datasets/bad");
        await AssertErrorLoggedAsync(run.GetProperty("id").GetString()!, path);
    }

    [Fact]
    public async Task A_missing_file_fails_the_run_at_plan()
    {
        var jobId = await _client.CreateJobAsync(ApiClient.Job("missing", sourcePath: "in/missing.xlsx", datasetPath: "datasets/missing"));

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Source file 'in/missing.xlsx' was not found.", run.GetProperty("error").GetString());
        Assert.Equal(["plan:Failed"], run.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("status").GetString()}"));
        AssertNoDataPublished("datasets/missing");
    }

    [Fact]
    public async Task A_missing_sheet_fails_the_run_naming_the_sheet_and_the_sheets_there_are()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await _client.CreateJobAsync(ApiClient.Job("nosheet", sheet: "Sales", datasetPath: "datasets/nosheet"));

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
        var error = run.GetProperty("error").GetString()!;
        Assert.Contains("in/iris.xlsx", error, StringComparison.Ordinal);
        Assert.Contains("'Sales'", error, StringComparison.Ordinal);
        Assert.Contains("'iris'", error, StringComparison.Ordinal);
        AssertNoDataPublished("datasets/nosheet");
    }

    [Fact]
    public async Task A_failed_run_leaves_the_data_of_earlier_runs_untouched()
    {
        var source = _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await _client.CreateJobAsync(ApiClient.Job("iris"));
        var good = await _client.RunToEndAsync(jobId);
        Assert.Equal("Completed", good.GetProperty("runtimeStatus").GetString());
        var dataset = Path.Combine(_app.FilesRoot, "datasets", "iris");
        var before = Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Select(f => (f, new FileInfo(f).Length)).ToArray();
        Assert.Equal(2, before.Length); // the part and the manifest

        File.WriteAllBytes(source, Encoding.ASCII.GetBytes("garbage"));
        var bad = await _client.RunToEndAsync(jobId);

        Assert.Equal("Failed", bad.GetProperty("runtimeStatus").GetString());
        Assert.Equal(before, Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Select(f => (f, new FileInfo(f).Length)).ToArray());
        Assert.False(Directory.Exists(Path.Combine(_app.FilesRoot, "datasets", ".iris.staging")));
    }

    [Fact]
    public async Task A_symbolic_link_out_of_the_storage_root_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), "fi-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.Copy(Testing.RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), Path.Combine(outside, "secret.xlsx"));
            Directory.CreateDirectory(_app.FilesRoot);
            Directory.CreateSymbolicLink(Path.Combine(_app.FilesRoot, "escape"), outside);
            var jobId = await _client.CreateJobAsync(ApiClient.Job("escape", sourcePath: "escape/secret.xlsx", datasetPath: "datasets/escape"));

            var run = await _client.RunToEndAsync(jobId);

            Assert.Equal("Failed", run.GetProperty("runtimeStatus").GetString());
            Assert.Contains("symbolic link", run.GetProperty("error").GetString(), StringComparison.Ordinal);
            AssertNoDataPublished("datasets/escape");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private void AssertNoDataPublished(string datasetPath)
    {
        var dataset = Path.Combine(_app.FilesRoot, datasetPath);
        if (!Directory.Exists(dataset))
            return;
        Assert.Empty(Directory.GetFiles(dataset, "*", SearchOption.AllDirectories));
    }

    private async Task AssertErrorLoggedAsync(string runId, string path)
    {
        var (_, logs, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/logs?level=error");
        var entry = Assert.Single(logs.GetProperty("items").EnumerateArray());
        Assert.Equal("copy[0]", entry.GetProperty("step").GetString());
        Assert.Contains(path, entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
