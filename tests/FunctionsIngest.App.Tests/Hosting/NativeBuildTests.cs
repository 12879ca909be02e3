using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using FunctionsIngest.App.Cli;
using FunctionsIngest.App.Functions;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsIngest.App.Tests.Hosting;

/// <summary>
/// The native build (no JIT, no reflection-based JSON) does what the JIT build does: converts files to the same bytes,
/// serves jobs, runs and logs, answers the Functions host, and uses Blob storage. Everything else is tested on the JIT
/// build, whose JSON and endpoint code is the same compile-time code.
/// </summary>
[Collection(NativeBuildCollection.Name)]
public sealed class NativeBuildTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fi-native-test-" + Guid.NewGuid().ToString("N"));

    public NativeBuildTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("types.xlsx", "")]
    [InlineData("dates-1904.xls", "")]
    [InlineData("biff5-label-records.xls", "")]
    [InlineData("richtext-coloured.xlsx", "")]
    [InlineData("mixed.csv", "")]
    [InlineData("french.csv", "--delimiter ; --encoding windows-1252 --culture fr-FR")]
    [InlineData("nested.json", "")]
    public void Convert_writes_the_bytes_the_jit_build_writes(string file, string options)
    {
        var input = Input(file);
        var native = Path.Combine(_dir, "native.parquet");
        var jit = Path.Combine(_dir, "jit.parquet");
        string[] extra = options.Length == 0 ? [] : options.Split(' ');

        using (var process = new AppProcess(_dir, ["convert", input, native, .. extra], nativeExecutable: NativeBuild.Executable))
        {
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "convert did not finish");
            Assert.True(process.ExitCode == 0, process.Output);
            Assert.Contains("rows,", process.Output, StringComparison.Ordinal);
        }
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.True(ConvertCommand.Run([input, jit, .. extra], stdout, stderr) == 0, stderr.ToString());

        Assert.Equal(File.ReadAllBytes(jit), File.ReadAllBytes(native));
    }

    [Fact]
    public void The_publish_carries_ISA_L_and_inflating_with_it_or_zlib_ng_writes_the_same_file()
    {
        Assert.True(File.Exists(Path.Combine(NativeBuild.Folder, "libisal.so.2")), "the publish folder lacks libisal.so.2 (scripts/test.sh installs libisal2)");
        var input = RepoPaths.CorpusFile("types.xlsx");
        var outputs = new List<byte[]>();
        foreach (var inflater in new[] { "isal", "dotnet" })
        {
            var output = Path.Combine(_dir, inflater + ".parquet");
            using var process = new AppProcess(_dir, ["convert", input, output], new Dictionary<string, string> { ["FUNCTIONSINGEST_INFLATE"] = inflater }, NativeBuild.Executable);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "convert did not finish");
            Assert.True(process.ExitCode == 0, process.Output);
            outputs.Add(File.ReadAllBytes(output));
        }
        Assert.Equal(outputs[0], outputs[1]);
    }

    [Fact]
    public void A_failed_convert_names_the_file_and_leaves_no_output()
    {
        var broken = Path.Combine(_dir, "broken.xlsx");
        File.WriteAllText(broken, "not a zip");
        var output = Path.Combine(_dir, "out.parquet");

        using var process = new AppProcess(_dir, ["convert", broken, output], nativeExecutable: NativeBuild.Executable);

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "convert did not finish");
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("broken.xlsx", process.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Serves_jobs_runs_and_logs_and_answers_bad_requests_with_problems()
    {
        var files = Path.Combine(_dir, ".data", "files", "in");
        Directory.CreateDirectory(files);
        File.Copy(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"), Path.Combine(files, "iris.xlsx"));
        using var app = StartService(new Dictionary<string, string>(), out var http);

        var (status, health, _) = await http.SendAsync(HttpMethod.Get, "/api/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var jobId = await http.CreateJobAsync(new
        {
            name = "iris",
            source = new { type = "excel", path = "in/*.xlsx", schema = new[] { new { name = "Species", type = "string" } } },
            transforms = new object[] { new { column = "Sepal.Length", type = "range", max = 7 }, new { type = "rename", from = "Species", to = "species" } },
            destination = new { path = "datasets/iris" },
        });
        var (_, job, _) = await http.SendAsync(HttpMethod.Get, $"/api/jobs/{jobId}");
        var run = await http.RunToEndAsync(jobId);
        var (_, logs, _) = await http.SendAsync(HttpMethod.Get, $"/api/runs/{run.GetProperty("id").GetString()}/logs?take=100");
        var (missingStatus, missing, missingResponse) = await http.SendAsync(HttpMethod.Get, "/api/jobs/nope");
        var (malformedStatus, malformed, _) = await http.SendAsync(HttpMethod.Post, "/api/jobs", "not json");
        var (invalidStatus, invalid, _) = await http.SendAsync(HttpMethod.Post, "/api/jobs", new { name = "bad", source = new { path = "in/x.xlsx" }, destination = new { path = "d" }, schedule = "61 * * * *" });

        Assert.Equal("in/*.xlsx", job.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal("string", job.GetProperty("source").GetProperty("schema")[0].GetProperty("type").GetString());
        Assert.Equal("range", job.GetProperty("transforms")[0].GetProperty("type").GetString());
        Assert.True(run.GetProperty("runtimeStatus").GetString() == "Completed", run.ToString());
        Assert.Equal(150, run.GetProperty("rowsRead").GetInt64());
        var quarantined = run.GetProperty("rowsQuarantined").GetInt64();
        Assert.True(quarantined > 0, run.ToString());
        Assert.Equal(150 - quarantined, run.GetProperty("rowsWritten").GetInt64());
        var counted = DuckDb.Query($"SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT species) AS INTEGER) AS kinds FROM read_parquet('{Path.Combine(_dir, ".data", "files", "datasets", "iris")}/*/*.parquet')");
        Assert.Equal(150 - quarantined, counted[0].GetProperty("n").GetInt64());
        Assert.Equal(3, counted[0].GetProperty("kinds").GetInt32());
        var copied = logs.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("message").GetString()!.StartsWith("Read 150 row(s)", StringComparison.Ordinal));
        Assert.Equal(150, copied.GetProperty("data").GetProperty("rowsRead").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal("application/problem+json", missingResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Job not found", missing.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformedStatus);
        Assert.Equal("The request body is not valid JSON", malformed.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("schedule", out _), invalid.ToString());
    }

    [Fact]
    public async Task Reads_and_writes_blob_storage()
    {
        var container = new BlobContainerClient(Azurite.Instance.ConnectionString, Azurite.UniqueName("native"));
        await container.CreateAsync();
        await container.GetBlobClient("in/iris.xlsx").UploadAsync(new BinaryData(File.ReadAllBytes(RepoPaths.CorpusFile("iris-excel-xlsx.xlsx"))));
        using var app = StartService(new Dictionary<string, string>
        {
            ["Ingest__Storage__Kind"] = "blob",
            ["Ingest__Storage__ConnectionString"] = Azurite.Instance.ConnectionString,
            ["Ingest__Storage__Container"] = container.Name,
        }, out var http);

        var run = await http.RunToEndAsync(await http.CreateJobAsync(ApiClient.Job("iris")));

        Assert.True(run.GetProperty("runtimeStatus").GetString() == "Completed", run.ToString());
        Assert.Equal(150, run.GetProperty("rowsWritten").GetInt64());
        var parts = container.GetBlobs(prefix: "datasets/iris/").Select(b => b.Name).Where(n => n.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
        Assert.Single(parts);
        var local = Path.Combine(_dir, "part.parquet");
        await container.GetBlobClient(parts[0]).DownloadToAsync(local);
        Assert.Equal(150, DuckDb.Query($"SELECT CAST(count(*) AS INTEGER) AS n FROM read_parquet('{local}')")[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Is_the_function_apps_custom_handler_and_answers_invocations()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(NativeBuild.Folder, "host.json")))!;
        var description = host["customHandler"]!["description"]!;
        using var jit = new IngestAppFactory(new() { [FunctionsMode.PortVariable] = "7999", ["Ingest:RunWorkers"] = "false", ["Ingest:RunScheduler"] = "false" });
        var expected = FunctionFolders.Generate(jit.Services.GetRequiredService<EndpointDataSource>()).Keys;
        var port = AppProcess.FreePort();
        using var app = new AppProcess(_dir, [], new Dictionary<string, string> { [FunctionsMode.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            NativeBuild.Executable);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilListeningAsync(http, app, "/");
        var (readyStatus, ready, _) = await http.SendAsync(HttpMethod.Get, "/");
        var (stepStatus, step, _) = await http.SendAsync(HttpMethod.Post, "/" + FunctionsMode.StepFunction, new { Data = new { msg = "{}" }, Metadata = new { DequeueCount = 1 } });

        Assert.Equal("FunctionsIngest.App", description["defaultExecutablePath"]!.GetValue<string>());
        Assert.Empty(description["arguments"]!.AsArray());
        Assert.All(expected, name => Assert.True(File.Exists(Path.Combine(NativeBuild.Folder, name, "function.json")), name));
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, stepStatus);
        Assert.Contains("Ignored a step message: the message has no 'runId'", step.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    private AppProcess StartService(Dictionary<string, string> environment, out HttpClient http)
    {
        var port = AppProcess.FreePort();
        var app = new AppProcess(_dir, ["--urls", $"http://127.0.0.1:{port}"], environment, NativeBuild.Executable);
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        WaitUntilListeningAsync(http, app, "/api/health").GetAwaiter().GetResult();
        return app;
    }

    private static async Task WaitUntilListeningAsync(HttpClient http, AppProcess app, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !app.HasExited)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"The native app did not start listening: {app.Output}", ex);
            }
        }
    }

    private string Input(string file)
    {
        var path = Path.Combine(_dir, file);
        switch (file)
        {
            case "mixed.csv":
                File.WriteAllText(path, "id,amount,when,at,flag,label\n1,2.5,2024-01-31,2024-01-31 12:30:00,true,00123\n2,,2024-02-29,2024-02-29 00:00:01,false,\"a, b\"\n3,-1e3,,,true,é\n", new UTF8Encoding(false));
                return path;
            case "french.csv": // code page 1252 (é, €), decimal commas, day-first dates
                File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("nom;montant;jour\nCafé;1234,5;31/01/2024\nEuro €;-0,25;29/02/2024\n"));
                return path;
            case "nested.json":
                File.WriteAllText(path, """[{"id":1,"user":{"name":"a","tags":["x","y"]},"score":1.5},{"id":2,"user":{"name":null},"score":null,"extra":true}]""");
                return path;
            default:
                return RepoPaths.CorpusFile(file);
        }
    }
}

/// <summary>
/// The native publish takes both cores for minutes: its tests run alone, so that the timing of the other tests (and
/// theirs) does not depend on when the publish happens to run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeBuildCollection
{
    public const string Name = "native build";
}
