using System.Runtime.CompilerServices;
using System.Globalization;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Parses field text into typed values, for inference (<see cref="Classify"/>) and for conversion. Surrounding spaces
/// and tabs are ignored for typed values. Numbers: optional sign, digits, the culture's decimal separator, exponent;
/// no group separators, no NaN/Infinity. Booleans: true/false, any case. Dates: ISO or the culture's short date pattern.
/// </summary>
internal static class TextValues
{
    /// <summary>
    /// The kind of one non-empty field. A number whose integer part has a leading zero ("00123", "-007", "01.5")
    /// is an identifier => Text, so codes keep their zeros; so is an integer beyond Int64.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ValueKind Classify(ReadOnlySpan<char> text, CultureInfo culture)
    {
        var s = Trim(text);
        if (s.IsEmpty)
            return ValueKind.Text;
        char c = s[0];
        if (char.IsAsciiDigit(c) || c == '-' || c == '+' || c == '.' || c == ',')
        {
            switch (NumberShape(s, culture.NumberFormat.NumberDecimalSeparator))
            {
                case Shape.Integer:
                    // up to 18 digits always fits; longer ones are checked (beyond Int64 => an identifier)
                    return s.Length <= 18 || long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ValueKind.Integer : ValueKind.Text;
                case Shape.Fractional:
                    return ValueKind.Fractional; // the shape is what double.Parse accepts (an overflow parses as infinity)
                case Shape.LeadingZero:
                    return ValueKind.Text;
            }
            if (IsoDateTime.TryParseDate(s, out _))
                return ValueKind.Date;
            if (IsoDateTime.TryParseTimestamp(s, out _))
                return ValueKind.DateTime;
            return TryCultureDate(s, culture, null, out _) ? ValueKind.Date : ValueKind.Text;
        }
        if ((c is 't' or 'T' or 'f' or 'F') && TryParseBoolean(s, null, out _))
            return ValueKind.Boolean;
        return ValueKind.Text;
    }

    /// <summary>ASCII digits with an optional '-' or '+' (whatever the culture's sign characters are).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInt64(ReadOnlySpan<char> text, CultureInfo culture, out long value)
    {
        var s = Trim(text);
        return FastNumbers.TryInt64(s, out value) || long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDouble(ReadOnlySpan<char> text, CultureInfo culture, out double value) =>
        TryParseDouble(text, culture, FastSeparator(culture), out value);

    /// <param name="fastSeparator">The culture's <see cref="FastSeparator"/>, looked up once by a caller parsing many values.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<char> text, CultureInfo culture, char fastSeparator, out double value)
    {
        var s = Trim(text);
        if (fastSeparator != '\0' && FastNumbers.TryDouble(s, fastSeparator, out value))
            return true;
        value = 0;
        return NumberShape(s, culture.NumberFormat.NumberDecimalSeparator) != Shape.NotANumber
            && double.TryParse(s, NumberStyles.Float, Numbers(culture), out value);
    }

    /// <summary>The culture's decimal separator when it is one char (the fast parsers' case), else '\0'.</summary>
    public static char FastSeparator(CultureInfo culture)
    {
        var separator = culture.NumberFormat.NumberDecimalSeparator;
        return separator.Length == 1 ? separator[0] : '\0';
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NumberFormatInfo> NumberFormats = new();

    /// <summary>Invariant number rules with the culture's decimal separator: signs stay ASCII '-'/'+' (some cultures use U+2212).</summary>
    private static NumberFormatInfo Numbers(CultureInfo culture) =>
        culture == CultureInfo.InvariantCulture ? NumberFormatInfo.InvariantInfo : NumberFormats.GetOrAdd(culture.Name, _ =>
        {
            var format = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
            format.NumberDecimalSeparator = culture.NumberFormat.NumberDecimalSeparator;
            return NumberFormatInfo.ReadOnly(format);
        });

    /// <param name="format">"yes|no": the true and false texts (case-insensitive); null = true/false.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBoolean(ReadOnlySpan<char> text, string? format, out bool value)
    {
        var s = Trim(text);
        value = false;
        if (format is null)
        {
            if (s.Equals("true", StringComparison.OrdinalIgnoreCase))
                return value = true;
            return s.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
        int bar = format.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
            return false;
        if (s.Equals(format.AsSpan(0, bar), StringComparison.OrdinalIgnoreCase))
            return value = true;
        return s.Equals(format.AsSpan(bar + 1), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Days since 1970-01-01: ISO "yyyy-MM-dd" or the culture's short date; with a format, exactly that format.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<char> text, CultureInfo culture, string? format, out int days)
    {
        var s = Trim(text);
        if (format is null && IsoDateTime.TryParseDate(s, out days))
            return true;
        days = 0;
        if (!TryCultureDate(s, culture, format, out var value))
            return false;
        days = IsoDateTime.ToEpochDays(DateOnly.FromDateTime(value));
        return true;
    }

    /// <summary>Microseconds since 1970-01-01T00:00: ISO 8601 (offsets converted to UTC); with a format, exactly that format.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, CultureInfo culture, string? format, out long micros)
    {
        var s = Trim(text);
        if (format is null)
            return IsoDateTime.TryParseTimestamp(s, out micros) || (TryParseDate(s, culture, null, out int days) && Micros(days, out micros));
        micros = 0;
        if (!DateTime.TryParseExact(s, format, culture, DateTimeStyles.AdjustToUniversal, out var value))
            return false;
        micros = IsoDateTime.ToEpochMicros(value);
        return true;
    }

    /// <summary>Microseconds since midnight: "HH:mm[:ss[.f]]"; with a format, exactly that format.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, CultureInfo culture, string? format, out long micros)
    {
        var s = Trim(text);
        if (format is null)
            return IsoDateTime.TryParseTime(s, out micros);
        micros = 0;
        if (!TimeOnly.TryParseExact(s, format, culture, DateTimeStyles.None, out var value))
            return false;
        micros = value.Ticks / 10;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s) =>
        s.IsEmpty || (s[0] is not (' ' or '\t') && s[^1] is not (' ' or '\t')) ? s : s.Trim(" \t");

    private static bool Micros(int days, out long micros)
    {
        micros = days * IsoDateTime.MicrosPerDay;
        return true;
    }

    private static bool TryCultureDate(ReadOnlySpan<char> s, CultureInfo culture, string? format, out DateTime value) =>
        DateTime.TryParseExact(s, format ?? culture.DateTimeFormat.ShortDatePattern, culture, DateTimeStyles.None, out value)
        && (format is not null || value.TimeOfDay == TimeSpan.Zero);

    private enum Shape { NotANumber, Integer, Fractional, LeadingZero }

    /// <summary>[sign] digits [sep digits] [(e|E) [sign] digits], at least one mantissa digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Shape NumberShape(ReadOnlySpan<char> s, string separator)
    {
        int i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            i++;
        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        int intDigits = i - intStart;
        int fracDigits = 0;
        bool fractional = false;
        if (i < s.Length && s[i..].StartsWith(separator, StringComparison.Ordinal))
        {
            fractional = true;
            i += separator.Length;
            int fracStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0)
            return Shape.NotANumber;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            fractional = true;
            i++;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
                i++;
            int expStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (i == expStart)
                return Shape.NotANumber;
        }
        if (i != s.Length)
            return Shape.NotANumber;
        if (intDigits > 1 && s[intStart] == '0')
            return Shape.LeadingZero;
        return fractional ? Shape.Fractional : Shape.Integer;
    }
}
