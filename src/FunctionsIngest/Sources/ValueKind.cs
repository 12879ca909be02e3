using FunctionsIngest.Data;

namespace FunctionsIngest.Sources;

/// <summary>What kinds of value a column has shown (spreadsheet cells, CSV fields, JSON values); OR-ed over every value of the column.</summary>
[Flags]
internal enum ValueKind : byte
{
    None = 0,
    Integer = 1,
    Fractional = 2,
    Boolean = 4,
    Date = 8,
    DateTime = 16,
    Time = 32,
    Text = 64,
}

/// <summary>
/// The column type a set of <see cref="ValueKind"/> resolves to, the same for every reader: integers only => Int64;
/// numbers with any fraction => Double; true/false only => Boolean; dates only => Date; date-times (with or without
/// plain dates) => Timestamp; times of day only => Time; no values, text, or a mix of families => String.
/// </summary>
internal static class ValueKinds
{
    public static ColumnType Resolve(ValueKind seen) => seen switch
    {
        ValueKind.Integer => ColumnType.Int64,
        ValueKind.Fractional or (ValueKind.Integer | ValueKind.Fractional) => ColumnType.Double,
        ValueKind.Boolean => ColumnType.Boolean,
        ValueKind.Date => ColumnType.Date,
        ValueKind.DateTime or (ValueKind.Date | ValueKind.DateTime) => ColumnType.Timestamp,
        ValueKind.Time => ColumnType.Time,
        _ => ColumnType.String,
    };

    /// <summary>
    /// The kinds that never change what a column resolves to once it resolves to <paramref name="type"/> from at least
    /// one value: adding any of them to the kinds seen keeps the type; adding any other kind changes it.
    /// </summary>
    public static ValueKind KeptBy(ColumnType type) => type switch
    {
        ColumnType.Int64 => ValueKind.Integer,
        ColumnType.Double => ValueKind.Integer | ValueKind.Fractional,
        ColumnType.Boolean => ValueKind.Boolean,
        ColumnType.Date => ValueKind.Date,
        ColumnType.Timestamp => ValueKind.Date | ValueKind.DateTime,
        ColumnType.Time => ValueKind.Time,
        _ => All,
    };

    public const ValueKind All = ValueKind.Integer | ValueKind.Fractional | ValueKind.Boolean | ValueKind.Date | ValueKind.DateTime | ValueKind.Time | ValueKind.Text;
}
