using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Infers each column's type from EVERY data cell of the column (not a sample):
/// integral numbers within ±2^53 only => Int64; any other numbers => Double; booleans only => Boolean;
/// date-formatted numbers that are all whole days => Date; with any time of day => Timestamp; time-of-day values
/// (serial in [0,1) under a time format) only => Time; no values at all => String. Text anywhere, or a mix of
/// these families (e.g. numbers and dates), => String, rendered losslessly by <see cref="CellText"/>.
/// Null cells (blank, error, no cached value, invalid date) do not take part.
/// </summary>
internal static class ColumnTypeInference
{
    [Flags]
    public enum Seen : byte
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

    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53

    public static Seen Classify(in CellValue cell) => cell.Kind switch
    {
        CellKind.Number => IsExactInteger(cell.Number) ? Seen.Integer : Seen.Fractional,
        CellKind.Boolean => Seen.Boolean,
        CellKind.DateTime => cell.Micros % ExcelDateConverter.MicrosPerDay == 0 ? Seen.Date : Seen.DateTime,
        CellKind.Time => Seen.Time,
        CellKind.Text => Seen.Text,
        _ => Seen.None,
    };

    public static bool IsExactInteger(double value) =>
        Math.Abs(value) <= MaxExactInteger && value == Math.Floor(value);

    public static ColumnType Resolve(Seen seen) => seen switch
    {
        Seen.Integer => ColumnType.Int64,
        Seen.Fractional or (Seen.Integer | Seen.Fractional) => ColumnType.Double,
        Seen.Boolean => ColumnType.Boolean,
        Seen.Date => ColumnType.Date,
        Seen.DateTime or (Seen.Date | Seen.DateTime) => ColumnType.Timestamp,
        Seen.Time => ColumnType.Time,
        _ => ColumnType.String,
    };
}
