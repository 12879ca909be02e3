using System.Net;
using System.Text.Json.Nodes;
using FunctionsIngest.App.Functions;
using FunctionsIngest.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsIngest.App.Tests.Functions;

/// <summary>The function.json folders come from the route table: every endpoint has a function and every function an endpoint.</summary>
public sealed class FunctionFoldersTests : IDisposable
{
    private readonly IngestAppFactory _app = new(new() { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999", ["Ingest:RunWorkers"] = "false", ["Ingest:RunScheduler"] = "false" });

    public void Dispose() => _app.Dispose();

    private IReadOnlyDictionary<string, JsonObject> Generate()
    {
        _ = _app.CreateClient();
        return FunctionFolders.Generate(_app.Services.GetRequiredService<EndpointDataSource>());
    }

    [Fact]
    public void Every_api_endpoint_is_reachable_through_an_http_function()
    {
        var functions = Generate();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)).ToArray();
        Assert.True(endpoints.Length >= 13, $"only {endpoints.Length} api endpoints found");

        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!["/api/".Length..].TrimEnd('/');
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            Assert.Contains(functions.Values, f => Http(f) is { } t && (string)t["route"]! == route && t["methods"]!.AsArray().Any(m => (string)m! == method));
        }
    }

    [Fact]
    public async Task Every_http_function_reaches_a_real_endpoint()
    {
        var client = _app.CreateClient();
        foreach (var (name, function) in Generate())
        {
            if (Http(function) is not { } trigger)
                continue;
            var path = "/api/" + string.Join('/', ((string)trigger["route"]!).Split('/').Select(s => s.StartsWith('{') ? "unknown-id" : s));
            foreach (var method in trigger["methods"]!.AsArray().Select(m => (string)m!))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                if (method is "post" or "put")
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                // A route miss is a bare 404 "Not Found" or a 405; a real endpoint answers in its own words.
                Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
                Assert.False(response.StatusCode == HttpStatusCode.NotFound && !body.Contains("not found\"", StringComparison.OrdinalIgnoreCase) && !body.Contains("No job", StringComparison.Ordinal) && !body.Contains("No run", StringComparison.Ordinal),
                    $"{name}: {method} {path} reached no endpoint: {body}");
            }
        }
    }

    [Fact]
    public void Health_is_anonymous_and_everything_else_needs_a_function_key()
    {
        var functions = Generate();

        Assert.Equal("anonymous", (string)Http(functions["Health"])!["authLevel"]!);
        Assert.All(functions.Where(f => f.Key != "Health" && Http(f.Value) is not null), f => Assert.Equal("function", (string)Http(f.Value)!["authLevel"]!));
    }

    [Fact]
    public void The_timer_and_queue_functions_name_their_invocation_endpoints_and_queues()
    {
        var functions = Generate();
        var timer = functions[FunctionsMode.TimerFunction]["bindings"]!.AsArray();
        var step = functions[FunctionsMode.StepFunction]["bindings"]!.AsArray();
        var poison = functions[FunctionsMode.PoisonFunction]["bindings"]!.AsArray();

        Assert.Equal(("timerTrigger", "0 * * * * *"), ((string)timer[0]!["type"]!, (string)timer[0]!["schedule"]!));
        Assert.Equal(("queueTrigger", "ingest-steps", "msg"), ((string)step[0]!["type"]!, (string)step[0]!["queueName"]!, (string)step[0]!["name"]!));
        Assert.Equal(("queue", "ingest-steps", "next"), ((string)step[1]!["type"]!, (string)step[1]!["queueName"]!, (string)step[1]!["name"]!));
        Assert.Equal("ingest-steps-poison", (string)poison[0]!["queueName"]!);
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToHashSet();
        Assert.All(new[] { FunctionsMode.TimerFunction, FunctionsMode.StepFunction, FunctionsMode.PoisonFunction }, n => Assert.Contains("/" + n, endpoints));
    }

    [Fact]
    public void Write_creates_one_folder_per_function()
    {
        var folder = Path.Combine(_app.DataDirectory, "functions");
        _ = _app.CreateClient();

        var written = FunctionFolders.Write(_app.Services.GetRequiredService<EndpointDataSource>(), folder);

        Assert.Equal(written.Order(), Directory.GetDirectories(folder).Select(Path.GetFileName).Order());
        Assert.All(written, n => Assert.True(File.Exists(Path.Combine(folder, n, "function.json"))));
        Assert.Contains("JobsIdRuns", written);
    }

    private static JsonObject? Http(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).FirstOrDefault(b => (string)b["type"]! == "httpTrigger");
}
