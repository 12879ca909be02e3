using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsIngest;

/// <summary>The JSON conventions of the product: camelCase, enums as strings, nulls omitted, a type discriminator anywhere in its object.</summary>
public static class IngestJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Users write {"column":"a","type":"required"} as readily as "type" first; without this, polymorphic
            // types such as TransformSpec throw NotSupportedException when the discriminator is not the first property.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");
}
