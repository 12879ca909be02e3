using System.Globalization;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Renders any cell as text, for String columns that mix types and for header names: numbers in invariant
/// shortest round-trip form (integral values without ".0"), dates "yyyy-MM-dd", date-times
/// "yyyy-MM-ddTHH:mm:ss[.fff]", times "HH:mm:ss[.fff]", booleans "TRUE"/"FALSE"; text unchanged.
/// </summary>
internal static class CellText
{
    public static string? Render(in CellValue cell) => cell.Kind switch
    {
        CellKind.Text => cell.Text,
        CellKind.Number => Number(cell.Number),
        CellKind.Boolean => cell.Number != 0 ? "TRUE" : "FALSE",
        CellKind.DateTime => DateTime(cell.Micros),
        CellKind.Time => Time(cell.Micros),
        _ => null,
    };

    public static string Number(double value) =>
        ColumnTypeInference.IsExactInteger(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static string DateTime(long micros)
    {
        var value = ExcelDateConverter.ToDateTime(micros);
        if (micros % ExcelDateConverter.MicrosPerDay == 0)
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return value.ToString(value.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string Time(long micros)
    {
        var value = System.DateTime.UnixEpoch.AddTicks(micros * 10);
        return value.ToString(value.Millisecond != 0 ? "HH:mm:ss.fff" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
