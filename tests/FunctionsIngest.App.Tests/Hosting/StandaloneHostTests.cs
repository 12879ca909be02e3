using System.Net;
using System.Text.Json;

namespace FunctionsIngest.App.Tests.Hosting;

/// <summary>The program as a user starts it: its own process, its console, its data folder.</summary>
public sealed class StandaloneHostTests : IDisposable
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "fi-host-" + Guid.NewGuid().ToString("N"));

    public StandaloneHostTests() => Directory.CreateDirectory(_workDir);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task Starts_on_the_given_url_with_data_under_dot_data_and_says_so()
    {
        var port = AppProcess.FreePort();
        using var app = new AppProcess(_workDir, ["--urls", $"http://127.0.0.1:{port}"]);

        Assert.True(await app.WaitForOutputAsync("listening on"), app.Output);
        using var http = new HttpClient();
        var health = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/health"));

        Assert.Equal("healthy", JsonDocument.Parse(health).RootElement.GetProperty("status").GetString());
        Assert.Contains($"http://127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
        var data = Path.Combine(_workDir, ".data");
        Assert.Contains(data, app.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "ingest.db")));
        Assert.True(Directory.Exists(Path.Combine(data, "files")));
    }

    [Fact]
    public async Task The_data_directory_setting_moves_the_data()
    {
        var port = AppProcess.FreePort();
        var data = Path.Combine(_workDir, "elsewhere");
        using var app = new AppProcess(_workDir, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string> { ["Ingest__DataDirectory"] = data });

        Assert.True(await app.WaitForOutputAsync("listening on"), app.Output);
        Assert.True(File.Exists(Path.Combine(data, "ingest.db")));
        Assert.False(Directory.Exists(Path.Combine(_workDir, ".data")));
    }

    [Fact]
    public void Refuses_to_listen_beyond_loopback_without_an_api_key()
    {
        var port = AppProcess.FreePort();
        using var app = new AppProcess(_workDir, ["--urls", $"http://0.0.0.0:{port}"]);

        Assert.True(app.WaitForExit(TimeSpan.FromSeconds(30)), "the app kept running");
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("Ingest:ApiKey", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ingest__Storage__ConnectionString", "AccountName=x;AccountKey=TOPSECRET;=;broken", "Ingest:Storage:ConnectionString")]
    [InlineData("Ingest__Storage__Container", "Not_A_Container", "Not_A_Container")]
    [InlineData("Ingest__Storage__Kind", "ftp", "Ingest:Storage:Kind")]
    [InlineData("Ingest__Storage__ConnectionString", "", "(Ingest:Storage) are invalid: set ConnectionString or ServiceUri")]
    public void A_bad_storage_setting_stops_the_start_naming_it_without_echoing_secrets(string setting, string value, string named)
    {
        var environment = new Dictionary<string, string>
        {
            ["Ingest__Storage__Kind"] = "blob",
            ["Ingest__Storage__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=TOPSECRET;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        };
        environment[setting] = value;
        using var app = new AppProcess(_workDir, ["--urls", $"http://127.0.0.1:{AppProcess.FreePort()}"], environment);

        Assert.True(app.WaitForExit(TimeSpan.FromSeconds(30)), "the app kept running");
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(named, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listens_beyond_loopback_when_an_api_key_is_set_and_requires_it()
    {
        var port = AppProcess.FreePort();
        using var app = new AppProcess(_workDir, ["--urls", $"http://0.0.0.0:{port}"], new Dictionary<string, string> { ["Ingest__ApiKey"] = "k-123" });

        Assert.True(await app.WaitForOutputAsync("listening on"), app.Output);
        using var http = new HttpClient();
        var denied = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/jobs"));
        var allowed = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/jobs?code=k-123"));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.DoesNotContain("k-123", app.Output, StringComparison.Ordinal);
    }
}
