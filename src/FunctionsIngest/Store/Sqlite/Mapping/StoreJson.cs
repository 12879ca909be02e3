using System.Text.Json;
using FunctionsIngest.Jobs;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>JSON columns: job definitions (camelCase, as the HTTP API writes them) and run output lists.</summary>
internal static class StoreJson
{
    private static StoreJsonContext Context => StoreJsonContext.Default;

    public static string Serialize(JobDefinition definition) => JsonSerializer.Serialize(definition, Context.JobDefinition);

    public static JobDefinition DeserializeDefinition(string json) =>
        JsonSerializer.Deserialize(json, Context.JobDefinition)
        ?? throw new InvalidDataException("A stored job definition is JSON null.");

    public static string Serialize(IReadOnlyList<string> output) => JsonSerializer.Serialize(output, Context.IReadOnlyListString);

    public static IReadOnlyList<string> DeserializeOutput(string json) =>
        JsonSerializer.Deserialize(json, Context.StringArray) ?? [];
}
