using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>
/// Typed values as text (casts to String, joins, reasons): numbers in shortest round-trip form, booleans true/false,
/// dates yyyy-MM-dd, timestamps yyyy-MM-ddTHH:mm:ss[.ffffff], times HH:mm:ss[.ffffff]; a format overrides these.
/// </summary>
internal static class ValueText
{
    public static string Render(Scalar value, string? format, CultureInfo culture) => value.Type switch
    {
        ColumnType.String => value.Text ?? "",
        ColumnType.Int64 => value.Long.ToString(format, culture),
        ColumnType.Double => value.Double.ToString(format ?? "R", culture),
        ColumnType.Boolean => value.Bool ? "true" : "false",
        ColumnType.Date => IsoDateTime.FromEpochDays((int)value.Long).ToString(format ?? "yyyy-MM-dd", culture),
        ColumnType.Timestamp => IsoDateTime.FromEpochMicros(value.Long).ToString(format ?? DefaultFormat(value.Long, "yyyy-MM-dd'T'HH:mm:ss"), culture),
        ColumnType.Time => new TimeOnly(value.Long * 10).ToString(format ?? DefaultFormat(value.Long, "HH:mm:ss"), culture),
        _ => "",
    };

    private static string DefaultFormat(long micros, string seconds) => micros % 1_000_000 == 0 ? seconds : seconds + ".ffffff";

    public static string Render(ColumnVector vector, int row) => Render(Scalar.At(vector, row), null, CultureInfo.InvariantCulture);
}
