using System.Text.Json;
using FunctionsIngest.Jobs;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>JSON columns: job definitions (camelCase, as the HTTP API writes them) and run output lists.</summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;

    public static string Serialize(JobDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static JobDefinition DeserializeDefinition(string json) =>
        JsonSerializer.Deserialize<JobDefinition>(json, Options)
        ?? throw new InvalidDataException("A stored job definition is JSON null.");

    public static string Serialize(IReadOnlyList<string> output) => JsonSerializer.Serialize(output, Options);

    public static IReadOnlyList<string> DeserializeOutput(string json) =>
        JsonSerializer.Deserialize<string[]>(json, Options) ?? [];
}
