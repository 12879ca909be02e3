using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Text;

/// <summary>What kinds of value a text column (CSV field, JSON value) has shown; OR-ed over every value of the column.</summary>
[Flags]
internal enum TextKind : byte
{
    None = 0,
    Integer = 1,
    Fractional = 2,
    Boolean = 4,
    Date = 8,
    DateTime = 16,
    Text = 32,
}

/// <summary>
/// The column type a set of <see cref="TextKind"/> resolves to, the same families as the Excel reader:
/// integers only => Int64; numbers with any fraction => Double; true/false only => Boolean; dates only => Date;
/// date-times (with or without plain dates) => Timestamp; no values, text, or a mix of families => String.
/// </summary>
internal static class TextKinds
{
    public static ColumnType Resolve(TextKind seen) => seen switch
    {
        TextKind.Integer => ColumnType.Int64,
        TextKind.Fractional or (TextKind.Integer | TextKind.Fractional) => ColumnType.Double,
        TextKind.Boolean => ColumnType.Boolean,
        TextKind.Date => ColumnType.Date,
        TextKind.DateTime or (TextKind.Date | TextKind.DateTime) => ColumnType.Timestamp,
        _ => ColumnType.String,
    };
}
