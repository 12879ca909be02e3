using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FunctionsIngest;

/// <summary>The JSON conventions of the product: camelCase, enums as strings, nulls omitted, a type discriminator anywhere in its object.</summary>
public static class IngestJson
{
    // Users write {"column":"a","type":"required"} as readily as "type" first: the context allows out-of-order
    // metadata, without which polymorphic types such as TransformSpec throw NotSupportedException.
    public static JsonSerializerOptions Options => IngestJsonContext.Default.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>(Options));

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>(Options)) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>The serialiser of <typeparamref name="T"/> under <paramref name="options"/>, whose resolver is a source-generated context.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
