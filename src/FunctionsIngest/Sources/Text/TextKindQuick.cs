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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ValueKind Of(ReadOnlySpan<char> s, char separator)
    {
        if (s.IsEmpty)
            return ValueKind.None;
        char c = s[0];
        if (c is 't' or 'T' or 'f' or 'F')
            return TextValues.TryParseBoolean(s, null, out _) ? ValueKind.Boolean : ValueKind.None;
        int i = c is '-' or '+' ? 1 : 0;
        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && s[intStart] == '0'))
            return ValueKind.None;
        if (i == s.Length)
            return s.Length <= 18 ? ValueKind.Integer : ValueKind.None;
        if (s[i] == separator && separator != '\0')
        {
            int fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            return i == s.Length && i > fracStart ? ValueKind.Fractional : ValueKind.None;
        }
        if (intStart == 0 && intDigits == 4 && s[4] == '-')
        {
            if (s.Length == 10)
                return IsoDateTime.TryParseDate(s, out _) ? ValueKind.Date : ValueKind.None;
            return IsoDateTime.TryParseTimestamp(s, out _) ? ValueKind.DateTime : ValueKind.None;
        }
        return ValueKind.None;
    }
}
