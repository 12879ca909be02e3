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
    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53

    public static ValueKind Classify(in CellValue cell) => cell.Kind switch
    {
        CellKind.Number => IsExactInteger(cell.Number) ? ValueKind.Integer : ValueKind.Fractional,
        CellKind.Boolean => ValueKind.Boolean,
        CellKind.DateTime => cell.Micros % ExcelDateConverter.MicrosPerDay == 0 ? ValueKind.Date : ValueKind.DateTime,
        CellKind.Time => ValueKind.Time,
        CellKind.Text => ValueKind.Text,
        _ => ValueKind.None,
    };

    public static bool IsExactInteger(double value) =>
        Math.Abs(value) <= MaxExactInteger && value == Math.Floor(value);
}
