using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>One typed value (a literal from a spec, or a cell): long for Int64/Timestamp/Time, int days for Date, double, bool, or text.</summary>
internal readonly record struct Scalar(ColumnType Type, long Long, double Double, string? Text)
{
    public bool Bool => Long != 0;

    /// <summary>Parses spec text (invariant: numbers, true/false, ISO dates and times) as <paramref name="type"/>.</summary>
    public static bool TryParse(string text, ColumnType type, out Scalar value)
    {
        var inv = CultureInfo.InvariantCulture;
        long l = 0;
        double d = 0;
        bool ok = type switch
        {
            ColumnType.String => true,
            ColumnType.Int64 => TextValues.TryParseInt64(text, inv, out l),
            ColumnType.Double => TextValues.TryParseDouble(text, inv, out d),
            ColumnType.Boolean => TextValues.TryParseBoolean(text, null, out bool b) && (l = b ? 1 : 0) >= 0,
            ColumnType.Date => TextValues.TryParseDate(text, inv, null, out int days) && (l = days) == days,
            ColumnType.Timestamp => TextValues.TryParseTimestamp(text, inv, null, out l),
            ColumnType.Time => TextValues.TryParseTime(text, inv, null, out l),
            _ => false,
        };
        value = ok ? new Scalar(type, l, d, type == ColumnType.String ? text : null) : default;
        return ok;
    }

    /// <summary>The value of a non-null cell.</summary>
    public static Scalar At(ColumnVector vector, int row) => vector.Type switch
    {
        ColumnType.String => new Scalar(ColumnType.String, 0, 0, ((StringVector)vector).Values[row]),
        ColumnType.Double => new Scalar(ColumnType.Double, 0, ((PrimitiveVector<double>)vector).Values[row], null),
        ColumnType.Boolean => new Scalar(ColumnType.Boolean, ((PrimitiveVector<bool>)vector).Values[row] ? 1 : 0, 0, null),
        ColumnType.Date => new Scalar(ColumnType.Date, ((PrimitiveVector<int>)vector).Values[row], 0, null),
        _ => new Scalar(vector.Type, ((PrimitiveVector<long>)vector).Values[row], 0, null),
    };

    /// <summary>Orders two values of the same type (text ordinally).</summary>
    public int CompareTo(Scalar other) => Type switch
    {
        ColumnType.String => string.CompareOrdinal(Text, other.Text),
        ColumnType.Double => Double.CompareTo(other.Double),
        _ => Long.CompareTo(other.Long),
    };

    public void AppendTo(ColumnVector vector)
    {
        switch (Type)
        {
            case ColumnType.String: ((StringVector)vector).Append(Text!); break;
            case ColumnType.Double: ((PrimitiveVector<double>)vector).Append(Double); break;
            case ColumnType.Boolean: ((PrimitiveVector<bool>)vector).Append(Bool); break;
            case ColumnType.Date: ((PrimitiveVector<int>)vector).Append((int)Long); break;
            default: ((PrimitiveVector<long>)vector).Append(Long); break;
        }
    }

    public override string ToString() => ValueText.Render(this, null, CultureInfo.InvariantCulture);
}
