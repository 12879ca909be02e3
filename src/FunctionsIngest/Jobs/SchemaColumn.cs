using System.Text.Json.Serialization;
using FunctionsIngest.Data;

namespace FunctionsIngest.Jobs;

/// <summary>
/// A source column whose type is declared instead of inferred. <see cref="Format"/>: a .NET date/time format for Date,
/// Timestamp and Time, or "yes|no" for Boolean text. A non-nullable column fails the run on an empty value.
/// </summary>
public sealed record SchemaColumn(
    string Name,
    // Written as text whatever the serializer options: the store's options have no enum converter.
    [property: JsonConverter(typeof(JsonStringEnumConverter<ColumnType>))] ColumnType Type,
    string? Format = null,
    bool Nullable = true);
