using System.Runtime.CompilerServices;
using System.Globalization;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Text;

/// <summary>Converts field text to one column type (culture and optional format fixed) and appends it to a vector.</summary>
internal sealed class TextConverter
{
    private readonly CultureInfo _culture;
    private readonly string? _format;

    private readonly char _separator;

    public TextConverter(ColumnType type, CultureInfo culture, string? format)
    {
        Type = type;
        _culture = culture;
        _format = format;
        _separator = TextValues.FastSeparator(culture);
    }

    public ColumnType Type { get; }

    /// <summary>True when the type was given by the user (a failure is the user's data), not inferred.</summary>
    public bool IsOverride { get; init; }

    /// <summary>Checks that the text converts, without storing it.</summary>
    public bool CanConvert(ReadOnlySpan<char> text) => Type switch
    {
        ColumnType.String => true,
        ColumnType.Int64 => TextValues.TryParseInt64(text, _culture, out _),
        ColumnType.Double => TextValues.TryParseDouble(text, _culture, out _),
        ColumnType.Boolean => TextValues.TryParseBoolean(text, _format, out _),
        ColumnType.Date => TextValues.TryParseDate(text, _culture, _format, out _),
        ColumnType.Timestamp => TextValues.TryParseTimestamp(text, _culture, _format, out _),
        ColumnType.Time => TextValues.TryParseTime(text, _culture, _format, out _),
        _ => false,
    };

    /// <summary>Appends the converted value; false (nothing appended) when the text does not convert.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAppend(ColumnVector vector, ReadOnlySpan<char> text, string? textAsString = null)
    {
        switch (Type)
        {
            case ColumnType.String:
                ((StringVector)vector).Append(textAsString ?? new string(text));
                return true;
            case ColumnType.Int64:
                return Append((PrimitiveVector<long>)vector, TextValues.TryParseInt64(text, _culture, out long l), l);
            case ColumnType.Double:
                return Append((PrimitiveVector<double>)vector, TextValues.TryParseDouble(text, _culture, _separator, out double d), d);
            case ColumnType.Boolean:
                return Append((PrimitiveVector<bool>)vector, TextValues.TryParseBoolean(text, _format, out bool b), b);
            case ColumnType.Date:
                return Append((PrimitiveVector<int>)vector, TextValues.TryParseDate(text, _culture, _format, out int days), days);
            case ColumnType.Timestamp:
                return Append((PrimitiveVector<long>)vector, TextValues.TryParseTimestamp(text, _culture, _format, out long ts), ts);
            case ColumnType.Time:
                return Append((PrimitiveVector<long>)vector, TextValues.TryParseTime(text, _culture, _format, out long t), t);
            default:
                return false;
        }
    }

    /// <summary>
    /// Appends a value <see cref="TextKindQuick"/> already read (its kind and value bits) when this inferred type takes
    /// that kind exactly as <see cref="TryAppend"/> would read the text; false (nothing appended) otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAppendRead(ColumnVector vector, ValueKind kind, long bits)
    {
        if (IsOverride)
            return false;
        switch (Type)
        {
            case ColumnType.Int64 when kind == ValueKind.Integer:
            case ColumnType.Timestamp when kind == ValueKind.DateTime:
                ((PrimitiveVector<long>)vector).Append(bits);
                return true;
            case ColumnType.Double when kind == ValueKind.Integer:
                ((PrimitiveVector<double>)vector).Append(bits);
                return true;
            case ColumnType.Double when kind == ValueKind.Fractional:
                ((PrimitiveVector<double>)vector).Append(BitConverter.Int64BitsToDouble(bits));
                return true;
            case ColumnType.Date when kind == ValueKind.Date:
                ((PrimitiveVector<int>)vector).Append((int)bits);
                return true;
            case ColumnType.Boolean when kind == ValueKind.Boolean:
                ((PrimitiveVector<bool>)vector).Append(bits != 0);
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Append<T>(PrimitiveVector<T> vector, bool ok, T value) where T : unmanaged
    {
        if (ok)
            vector.Append(value);
        return ok;
    }
}
