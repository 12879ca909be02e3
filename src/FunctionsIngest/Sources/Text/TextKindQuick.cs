using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// The kind of the common field shapes (plain integers and decimals, ISO dates and date-times, true/false) without
/// the general <see cref="TextValues.Classify"/>: it returns the kind Classify would return, or None when unsure.
/// A field it answers for starts and ends with a letter or digit, so Classify's trimming would not change it.
/// </summary>
internal static class TextKindQuick
{
    /// <param name="separator">The culture's decimal separator when it is one char, else '\0' (no decimals answered).</param>
    public static ValueKind Of(ReadOnlySpan<char> s, char separator) => Of(s, separator, parseFraction: false, out _, out _);

    /// <summary>
    /// The kind, and the value as the inferred type's converter would read it when <paramref name="hasValue"/>: an
    /// Integer's long, a Fractional's double bits (parsed only when <paramref name="parseFraction"/>), a Date's epoch
    /// days, a DateTime's epoch microseconds, a Boolean's 0 or 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ValueKind Of(ReadOnlySpan<char> s, char separator, bool parseFraction, out long bits, out bool hasValue)
    {
        bits = 0;
        hasValue = false;
        if (s.IsEmpty)
            return ValueKind.None;
        char c = s[0];
        if (c is 't' or 'T' or 'f' or 'F')
        {
            if (!TextValues.TryParseBoolean(s, null, out bool flag))
                return ValueKind.None;
            (bits, hasValue) = (flag ? 1 : 0, true);
            return ValueKind.Boolean;
        }
        int i = c is '-' or '+' ? 1 : 0;
        int intStart = i;
        long integer = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            integer = (integer * 10) + (s[i++] - '0'); // wraps past 18 digits, which are not answered as integers
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && s[intStart] == '0'))
            return ValueKind.None;
        if (i == s.Length)
        {
            if (s.Length > 18)
                return ValueKind.None;
            (bits, hasValue) = (c == '-' ? -integer : integer, true);
            return ValueKind.Integer;
        }
        if (s[i] == separator && separator != '\0')
        {
            int fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (i != s.Length || i == fracStart)
                return ValueKind.None;
            if (parseFraction && FastNumbers.TryDouble(s, separator, out double fraction))
                (bits, hasValue) = (BitConverter.DoubleToInt64Bits(fraction), true);
            return ValueKind.Fractional;
        }
        if (intStart == 0 && intDigits == 4 && s[4] == '-')
        {
            if (s.Length == 10)
            {
                if (!IsoDateTime.TryParseDate(s, out int days))
                    return ValueKind.None;
                (bits, hasValue) = (days, true);
                return ValueKind.Date;
            }
            if (!IsoDateTime.TryParseTimestamp(s, out long micros))
                return ValueKind.None;
            (bits, hasValue) = (micros, true);
            return ValueKind.DateTime;
        }
        return ValueKind.None;
    }
}
