using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsIngest.App.Functions;

/// <summary>
/// A native build is its own custom handler: host.json beside the function folders names the executable instead of
/// `dotnet FunctionsIngest.App.dll`.
/// </summary>
public static class NativeHandler
{
    public static void PointHostJsonAt(string folder, string executable)
    {
        var path = Path.Combine(folder, "host.json");
        var host = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException($"'{path}' is JSON null.");
        if (host["customHandler"]?["description"] is not JsonObject description)
            throw new InvalidDataException($"'{path}' has no customHandler.description to point at '{executable}'.");
        description["defaultExecutablePath"] = executable;
        description["arguments"] = new JsonArray();
        File.WriteAllText(path, host.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
    }
}
