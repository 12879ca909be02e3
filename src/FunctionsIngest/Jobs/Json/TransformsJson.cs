using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Jobs.Json;

/// <summary>
/// The "transforms" array and "quarantine" object of a job's JSON. Each transform is read with the product's JSON
/// options, strictly: its "type" first or not, unknown fields and missing required fields are errors under "transforms[i]".
/// </summary>
public static class TransformsJson
{
    private static readonly JsonSerializerOptions Strict = new(IngestJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The "type" values a transform may have, from the spec's own declaration.</summary>
    public static IReadOnlyList<string> Types { get; } = typeof(TransformSpec).GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => (string)a.TypeDiscriminator!).ToArray();

    public static IReadOnlyList<TransformSpec>? Parse(JsonElement body, JsonFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.OptionalArray(body, "transforms", "transforms") is not { } array)
            return null;
        var specs = new List<TransformSpec>();
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ParseOne(item, $"transforms[{i++}]", fields) is { } spec)
                specs.Add(spec);
        }
        return specs;
    }

    private static TransformSpec? ParseOne(JsonElement item, string at, JsonFields fields)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            fields.Errors.Add(at, "must be an object with a \"type\".");
            return null;
        }
        if (!item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !Types.Contains(type.GetString(), StringComparer.Ordinal))
        {
            fields.Errors.Add(at + ".type", $"must be one of: {string.Join(", ", Types)}.");
            return null;
        }
        try
        {
            return item.Deserialize(IngestJson.TypeInfo<TransformSpec>(Strict));
        }
        catch (JsonException ex)
        {
            fields.Errors.Add(at, Readable(ex));
            return null;
        }
    }

    /// <summary>System.Text.Json's message without its "Path: ... | LineNumber" tail, which names positions in this element only.</summary>
    private static string Readable(JsonException ex)
    {
        var message = ex.Message;
        int tail = message.IndexOf(" Path:", StringComparison.Ordinal);
        return tail > 0 ? message[..tail] : message;
    }

    public static QuarantineDefinition? ParseQuarantine(JsonElement body, JsonFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!JsonFields.IsPresent(body, "quarantine", out var quarantine))
            return null;
        if (quarantine.ValueKind != JsonValueKind.Object)
        {
            fields.Errors.Add("quarantine", "must be an object with path and/or compression.");
            return null;
        }
        fields.RejectUnknown(quarantine, "quarantine.", ["path", "compression"]);
        return new QuarantineDefinition
        {
            Path = fields.OptionalString(quarantine, "path", "quarantine.path"),
            Compression = fields.OptionalString(quarantine, "compression", "quarantine.compression")?.ToLowerInvariant(),
        };
    }
}
