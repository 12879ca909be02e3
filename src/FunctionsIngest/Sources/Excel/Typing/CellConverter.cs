using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Converts cells to the type a <see cref="ColumnOverride"/> gives (instead of the inferred one). String: any cell as
/// <see cref="CellText"/> renders it. Int64/Double: numbers (Int64 only whole ones) or text that parses
/// ("00123" => 123). Boolean: booleans or text (true/false, or the Format's "yes|no"). Date/Timestamp: date cells,
/// plain numbers as date serials, or text (ISO, or exactly the Format); a Date must fall on midnight. Time: time
/// cells, numbers in [0,1), or text ("HH:mm[:ss]" or the Format). Text is parsed with the invariant culture.
/// Anything else does not convert.
/// </summary>
internal sealed class CellConverter
{
    private readonly string? _format;
    private readonly bool _date1904;

    public CellConverter(ColumnType type, string? format, bool date1904)
    {
        Type = type;
        _format = format;
        _date1904 = date1904;
    }

    public ColumnType Type { get; }

    /// <summary>Appends the converted (non-blank) cell; false, with nothing appended, when it does not convert.</summary>
    public bool TryAppend(ColumnVector vector, in CellValue cell)
    {
        switch (Type)
        {
            case ColumnType.String:
                ((StringVector)vector).Append(CellText.Render(cell)!);
                return true;
            case ColumnType.Int64:
                return Append((PrimitiveVector<long>)vector, TryInt64(cell, out long l), l);
            case ColumnType.Double:
                return Append((PrimitiveVector<double>)vector, TryDouble(cell, out double d), d);
            case ColumnType.Boolean:
                return Append((PrimitiveVector<bool>)vector, TryBoolean(cell, out bool b), b);
            case ColumnType.Date:
                bool isDate = TryMicros(cell, out long dateMicros) && dateMicros % ExcelDateConverter.MicrosPerDay == 0;
                return Append((PrimitiveVector<int>)vector, isDate, (int)(dateMicros / ExcelDateConverter.MicrosPerDay));
            case ColumnType.Timestamp:
                return Append((PrimitiveVector<long>)vector, TryMicros(cell, out long micros), micros);
            case ColumnType.Time:
                return Append((PrimitiveVector<long>)vector, TryTime(cell, out long time), time);
            default:
                return false;
        }
    }

    private static bool TryInt64(in CellValue cell, out long value)
    {
        value = 0;
        return cell.Kind switch
        {
            CellKind.Number => ColumnTypeInference.IsExactInteger(cell.Number) && Set(out value, (long)cell.Number),
            CellKind.Text => TextValues.TryParseInt64(cell.Text, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool TryDouble(in CellValue cell, out double value)
    {
        value = 0;
        return cell.Kind switch
        {
            CellKind.Number => Set(out value, cell.Number),
            CellKind.Text => TextValues.TryParseDouble(cell.Text, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private bool TryBoolean(in CellValue cell, out bool value)
    {
        value = false;
        return cell.Kind switch
        {
            CellKind.Boolean => Set(out value, cell.Number != 0),
            CellKind.Text => TextValues.TryParseBoolean(cell.Text, _format, out value),
            _ => false,
        };
    }

    /// <summary>Microseconds since 1970-01-01 from a date cell, a plain number taken as a serial, or text.</summary>
    private bool TryMicros(in CellValue cell, out long micros)
    {
        micros = 0;
        switch (cell.Kind)
        {
            case CellKind.DateTime:
                micros = cell.Micros;
                return true;
            case CellKind.Number:
                return ExcelDateConverter.TryToMicros(cell.Number, _date1904, out micros);
            case CellKind.Text when Type == ColumnType.Date:
                if (!TextValues.TryParseDate(cell.Text, CultureInfo.InvariantCulture, _format, out int days))
                    return false;
                micros = days * ExcelDateConverter.MicrosPerDay;
                return true;
            case CellKind.Text:
                return TextValues.TryParseTimestamp(cell.Text, CultureInfo.InvariantCulture, _format, out micros);
            default:
                return false;
        }
    }

    private bool TryTime(in CellValue cell, out long micros)
    {
        micros = 0;
        return cell.Kind switch
        {
            CellKind.Time => Set(out micros, cell.Micros),
            CellKind.Number when cell.Number >= 0 && cell.Number < 1 => Set(out micros, ExcelDateConverter.TimeOfDayMicros(cell.Number)),
            CellKind.Text => TextValues.TryParseTime(cell.Text, CultureInfo.InvariantCulture, _format, out micros),
            _ => false,
        };
    }

    private static bool Set<T>(out T target, T value)
    {
        target = value;
        return true;
    }

    private static bool Append<T>(PrimitiveVector<T> vector, bool ok, T value) where T : unmanaged
    {
        if (ok)
            vector.Append(value);
        return ok;
    }
}
