using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FunctionsIngest.App.Tests.Infrastructure;

/// <summary>Small helpers over HttpClient for the API tests: JSON in, JsonElement out.</summary>
public static class ApiClient
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is string raw)
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null)
            request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static object Job(string name, string sourcePath = "in/iris.xlsx", string datasetPath = "datasets/iris", object? sheet = null, int? headerRow = null, string? compression = null) => new
    {
        name,
        source = new { type = "excel", path = sourcePath, sheet, headerRow },
        destination = new { path = datasetPath, compression },
    };

    public static async Task<string> CreateJobAsync(this HttpClient client, object job)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Post, "/api/jobs", job);
        Assert.True(status == HttpStatusCode.Created, $"create job: {status} {body}");
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Starts a run of the job and polls its status until it is final (or 60 s pass).</summary>
    public static async Task<JsonElement> RunToEndAsync(this HttpClient client, string jobId)
    {
        var (status, body, response) = await client.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/runs");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var location = response.Headers.Location!.ToString();
        return await client.WaitForFinalAsync(location);
    }

    public static async Task<JsonElement> WaitForFinalAsync(this HttpClient client, string statusUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (status, body, _) = await client.SendAsync(HttpMethod.Get, statusUrl);
            Assert.Equal(HttpStatusCode.OK, status);
            var runtimeStatus = body.GetProperty("runtimeStatus").GetString();
            if (runtimeStatus is "Completed" or "Failed" or "Canceled" or "Terminated")
                return body;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {statusUrl} still {runtimeStatus} after 60 s: {body}");
            await Task.Delay(50);
        }
    }
}
