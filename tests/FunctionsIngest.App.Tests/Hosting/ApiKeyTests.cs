using System.Net;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Hosting;

public sealed class ApiKeyTests : IDisposable
{
    private readonly IngestAppFactory _app = new(new() { ["Ingest:ApiKey"] = "s3cret-key" });
    private readonly HttpClient _client;

    public ApiKeyTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Health_needs_no_key_and_reports_the_version()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", body.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/runs")]
    [InlineData("/api/runs/x/logs")]
    public async Task Every_other_endpoint_needs_the_key(string url)
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Get, url);
        var (wrongStatus, _, _) = await _client.SendAsync(HttpMethod.Get, url + "?code=wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("s3cret-key", body.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
    }

    [Fact]
    public async Task The_key_is_accepted_in_the_functions_header_or_the_code_query()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Add("x-functions-key", "s3cret-key");
        var byHeader = await _client.SendAsync(request);
        var (byQuery, _, _) = await _client.SendAsync(HttpMethod.Get, "/api/jobs?code=s3cret-key");

        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byQuery);
    }
}
