using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Transforms.Engine;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>
/// Converts one cell between types. Text parses with the culture and format; anything renders to text; Int64 and
/// Double convert both ways (Double only when integral); numbers 0/1 and Boolean both ways; Date to Timestamp
/// (midnight), Timestamp to Date (the day) and to Time (the time of day). Other pairs are rejected when compiling.
/// </summary>
internal sealed class ValueCast
{
    private readonly ColumnType _from;
    private readonly ColumnType _to;
    private readonly string? _format;
    private readonly CultureInfo _culture;
    private readonly TextConverter _text;

    public ValueCast(ColumnType from, ColumnType to, string? format, CultureInfo culture)
    {
        (_from, _to, _format, _culture) = (from, to, format, culture);
        _text = new TextConverter(to, culture, format);
    }

    public static bool Supported(ColumnType from, ColumnType to) =>
        from == to || from == ColumnType.String || to == ColumnType.String || (from, to) switch
        {
            (ColumnType.Int64 or ColumnType.Double or ColumnType.Boolean, ColumnType.Int64 or ColumnType.Double or ColumnType.Boolean) => true,
            (ColumnType.Date, ColumnType.Timestamp) or (ColumnType.Timestamp, ColumnType.Date) or (ColumnType.Timestamp, ColumnType.Time) => true,
            _ => false,
        };

    /// <summary>Appends the converted non-null cell; false (nothing appended) when it does not convert.</summary>
    public bool TryAppend(ColumnVector source, int row, ColumnVector target)
    {
        if (_from == ColumnType.String)
        {
            var text = ((StringVector)source).Values[row]!;
            return _to == ColumnType.String ? Append(target, new Scalar(_to, 0, 0, text)) : _text.TryAppend(target, text);
        }
        var value = Scalar.At(source, row);
        if (_to == ColumnType.String)
            return Append(target, new Scalar(_to, 0, 0, ValueText.Render(value, _format, _culture)));
        if (_from == _to)
            return Append(target, value);
        return (_from, _to) switch
        {
            (ColumnType.Int64, ColumnType.Double) => Append(target, new Scalar(_to, 0, value.Long, null)),
            (ColumnType.Double, ColumnType.Int64) => value.Double == Math.Floor(value.Double) && Math.Abs(value.Double) < 9.2e18
                && Append(target, new Scalar(_to, (long)value.Double, 0, null)),
            (ColumnType.Boolean, ColumnType.Int64) => Append(target, new Scalar(_to, value.Long, 0, null)),
            (ColumnType.Boolean, ColumnType.Double) => Append(target, new Scalar(_to, 0, value.Long, null)),
            (ColumnType.Int64, ColumnType.Boolean) => value.Long is 0 or 1 && Append(target, new Scalar(_to, value.Long, 0, null)),
            (ColumnType.Double, ColumnType.Boolean) => value.Double is 0 or 1 && Append(target, new Scalar(_to, (long)value.Double, 0, null)),
            (ColumnType.Date, ColumnType.Timestamp) => Append(target, new Scalar(_to, value.Long * IsoDateTime.MicrosPerDay, 0, null)),
            (ColumnType.Timestamp, ColumnType.Date) => Append(target, new Scalar(_to, Math.DivRem(value.Long, IsoDateTime.MicrosPerDay) is var (q, r) && r < 0 ? q - 1 : q, 0, null)),
            (ColumnType.Timestamp, ColumnType.Time) => Append(target, new Scalar(_to, ((value.Long % IsoDateTime.MicrosPerDay) + IsoDateTime.MicrosPerDay) % IsoDateTime.MicrosPerDay, 0, null)),
            _ => false,
        };
    }

    private static bool Append(ColumnVector target, Scalar value)
    {
        value.AppendTo(target);
        return true;
    }
}
