using System.Text.Json.Nodes;

namespace FunctionsIngest.Runs;

/// <summary>
/// A log row's structured data, built as JSON nodes so that writing it needs no reflection (the native build has none);
/// members that are null are left out, at any depth.
/// </summary>
public static class LogData
{
    public static JsonArray Strings(IEnumerable<string?> values) => new([.. values.Select(v => (JsonNode?)v)]);

    public static JsonArray Objects<T>(IEnumerable<T> items, Func<T, JsonObject> describe) => new([.. items.Select(i => (JsonNode?)describe(i))]);

    public static string Write(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RemoveNulls(data);
        return data.ToJsonString();
    }

    private static void RemoveNulls(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToArray())
                obj.Remove(name);
            foreach (var (_, value) in obj)
                RemoveNulls(value);
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
                RemoveNulls(item);
        }
    }
}
