using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FunctionsIngest.App.Functions;

/// <summary>
/// The function.json folders of the Functions app, generated from the app's own route table (so they cannot
/// drift from it): one HTTP function per /api route pattern with its methods, plus the timer and queue functions.
/// </summary>
public static class FunctionFolders
{
    public static IReadOnlyDictionary<string, JsonObject> Generate(EndpointDataSource endpoints)
    {
        var functions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var route in HttpRoutes(endpoints))
        {
            functions.Add(NameOf(route.Template), new JsonObject
            {
                ["bindings"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "httpTrigger", ["direction"] = "in", ["name"] = "req",
                        ["authLevel"] = route.Template == "health" ? "anonymous" : "function",
                        ["methods"] = new JsonArray(route.Methods.Select(m => (JsonNode)m.ToLowerInvariant()).ToArray()),
                        ["route"] = route.Template,
                    },
                    new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            });
        }
        functions.Add(FunctionsMode.TimerFunction, Bindings(new JsonObject
        {
            ["type"] = "timerTrigger", ["direction"] = "in", ["name"] = "timer", ["schedule"] = "0 * * * * *", ["useMonitor"] = true,
        }, NextSteps()));
        functions.Add(FunctionsMode.StepFunction, Bindings(Queue(FunctionsMode.StepQueue), NextSteps()));
        functions.Add(FunctionsMode.PoisonFunction, Bindings(Queue(FunctionsMode.StepQueue + "-poison")));
        return functions;
    }

    /// <summary>Writes one folder per function (FOLDER/NAME/function.json) next to host.json.</summary>
    public static IReadOnlyList<string> Write(EndpointDataSource endpoints, string folder)
    {
        var written = new List<string>();
        foreach (var (name, json) in Generate(endpoints))
        {
            var dir = Path.Combine(folder, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "function.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
            written.Add(name);
        }
        return written;
    }

    /// <summary>The /api routes as the Functions host writes them (without the "api" prefix), with their methods.</summary>
    public static IEnumerable<(string Template, IReadOnlyList<string> Methods)> HttpRoutes(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .GroupBy(e => Template(e.RoutePattern))
            .Select(g => (g.Key, (IReadOnlyList<string>)g.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Distinct().Order().ToArray()))
            .OrderBy(r => r.Key, StringComparer.Ordinal);

    private static string Template(RoutePattern pattern) =>
        string.Join('/', pattern.PathSegments.Skip(1).Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => p.ToString(),
        }))));

    /// <summary>"jobs/{id}/runs" becomes "JobsIdRuns".</summary>
    private static string NameOf(string template) =>
        string.Concat(template.Split('/').Select(s => s.Trim('{', '}')).Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s[1..]));

    private static JsonObject Queue(string queue) => new()
    {
        ["type"] = "queueTrigger", ["direction"] = "in", ["name"] = "msg", ["queueName"] = queue, ["connection"] = "AzureWebJobsStorage",
    };

    private static JsonObject NextSteps() => new()
    {
        ["type"] = "queue", ["direction"] = "out", ["name"] = "next", ["queueName"] = FunctionsMode.StepQueue, ["connection"] = "AzureWebJobsStorage",
    };

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };
}
