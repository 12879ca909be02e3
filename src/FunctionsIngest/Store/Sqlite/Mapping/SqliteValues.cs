using System.Globalization;

namespace FunctionsIngest.Store.Sqlite.Mapping;

/// <summary>How CLR values are written to and read from columns: instants as fixed-width UTC text, enums by name.</summary>
internal static class SqliteValues
{
    // Fixed width (7 fractional digits, always 'Z') so text order is time order and ticks round-trip exactly.
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static object ToDb(DateTimeOffset? value) => value is { } v ? ToText(v) : DBNull.Value;

    public static object ToDb(string? value) => value is null ? DBNull.Value : value;

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToText<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    public static TEnum ParseEnum<TEnum>(string text) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(text, ignoreCase: false);
}
