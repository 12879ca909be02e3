using System.Text.Json;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Json;

/// <summary>
/// Kinds and conversions of JSON leaf values. Numbers: Int64 when every one is integral and fits, else Double;
/// true/false: Boolean; strings: String, or Date/Timestamp when dates are inferred and every string is ISO; arrays:
/// their JSON text; null: null. A String column renders non-strings as their JSON text exactly as written.
/// </summary>
internal static class JsonValues
{
    public static ValueKind Classify(JsonElement value, bool inferDates)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt64(out _))
                    return ValueKind.Integer;
                return value.TryGetDouble(out _) ? ValueKind.Fractional : ValueKind.Text;
            case JsonValueKind.True or JsonValueKind.False:
                return ValueKind.Boolean;
            case JsonValueKind.String when inferDates:
                var s = value.GetString()!;
                if (s.Length >= 10 && s[4] == '-')
                {
                    if (IsoDateTime.TryParseDate(s, out _))
                        return ValueKind.Date;
                    if (IsoDateTime.TryParseTimestamp(s, out _))
                        return ValueKind.DateTime;
                }
                return ValueKind.Text;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return ValueKind.None;
            default:
                return ValueKind.Text;
        }
    }

    /// <summary>Appends the value converted to the vector's type; false when it does not convert (the file changed).</summary>
    public static bool TryAppend(ColumnVector vector, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            vector.AppendNull();
            return true;
        }
        switch (vector.Type)
        {
            case ColumnType.String:
                ((StringVector)vector).Append(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                return true;
            case ColumnType.Int64 when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l):
                ((PrimitiveVector<long>)vector).Append(l);
                return true;
            case ColumnType.Double when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d):
                ((PrimitiveVector<double>)vector).Append(d);
                return true;
            case ColumnType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                ((PrimitiveVector<bool>)vector).Append(value.GetBoolean());
                return true;
            case ColumnType.Date when value.ValueKind == JsonValueKind.String && IsoDateTime.TryParseDate(value.GetString(), out int days):
                ((PrimitiveVector<int>)vector).Append(days);
                return true;
            case ColumnType.Timestamp when value.ValueKind == JsonValueKind.String && TryTimestamp(value.GetString()!, out long micros):
                ((PrimitiveVector<long>)vector).Append(micros);
                return true;
            default:
                return false;
        }
    }

    private static bool TryTimestamp(string s, out long micros)
    {
        if (IsoDateTime.TryParseTimestamp(s, out micros))
            return true;
        if (!IsoDateTime.TryParseDate(s, out int days))
            return false;
        micros = days * IsoDateTime.MicrosPerDay;
        return true;
    }
}
