namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>Turns a cell's number and its format kind into a number, a date-time, a time of day, or an invalid date.</summary>
internal static class NumberCells
{
    public static CellValue Make(double number, NumberFormatKind kind, bool date1904)
    {
        var cell = new CellValue { Kind = CellKind.Number, Number = number };
        if (kind == NumberFormatKind.Number)
            return cell;
        if (kind == NumberFormatKind.Time && number >= 0 && number < 1)
        {
            cell.Kind = CellKind.Time;
            cell.Micros = ExcelDateConverter.TimeOfDayMicros(number);
        }
        else if (ExcelDateConverter.TryToMicros(number, date1904, out long micros))
        {
            cell.Kind = CellKind.DateTime;
            cell.Micros = micros;
        }
        else
        {
            cell.Kind = CellKind.InvalidDate;
            cell.Text = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
        return cell;
    }
}
