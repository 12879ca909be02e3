using System.Globalization;
using System.Text.Json;
using FunctionsIngest.Jobs.Validation;

namespace FunctionsIngest.Jobs.Json;

/// <summary>Reads typed fields of a job's JSON, recording each problem under its field path instead of stopping at the first.</summary>
public sealed class JsonFields(FieldErrors errors)
{
    public FieldErrors Errors { get; } = errors;

    public void RejectUnknown(JsonElement element, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                Errors.Add(prefix + property.Name, $"is not a known field; expected one of: {string.Join(", ", known)}.");
        }
    }

    public static bool IsPresent(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? RequiredString(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out _))
        {
            Errors.Add(path, "is required.");
            return null;
        }
        return OptionalString(parent, name, path);
    }

    /// <summary>A non-blank string, trimmed.</summary>
    public string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!.Trim();
        Errors.Add(path, "must be a non-empty string.");
        return null;
    }

    /// <summary>A non-empty string kept exactly as written (a delimiter may be a space or a tab).</summary>
    public string? OptionalRawString(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            return text;
        Errors.Add(path, "must be a non-empty string.");
        return null;
    }

    public int? OptionalInt(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        Errors.Add(path, "must be a whole number.");
        return null;
    }

    public bool? OptionalBool(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        Errors.Add(path, "must be true or false.");
        return null;
    }

    /// <summary>A JSON array, or null (with an error unless absent).</summary>
    public JsonElement? OptionalArray(JsonElement parent, string name, string path)
    {
        if (!IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Array)
            return value;
        Errors.Add(path, "must be an array.");
        return null;
    }

    /// <summary>A string, or a whole number written as its digits (sheet indexes).</summary>
    public string? NameOrNumber(JsonElement value, string path, string what)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return value.GetString();
            case JsonValueKind.Number when value.TryGetInt32(out var index) && index >= 1:
                return index.ToString(CultureInfo.InvariantCulture);
            default:
                Errors.Add(path, $"must be {what}.");
                return null;
        }
    }
}
