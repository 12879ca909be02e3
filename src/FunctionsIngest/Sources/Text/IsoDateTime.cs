using System.Runtime.CompilerServices;
namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Hand-written parsers for the ISO 8601 forms the readers accept: date "yyyy-MM-dd"; timestamp
/// "yyyy-MM-dd(T| )HH:mm[:ss[.f{1,7}]][Z|±HH:mm|±HHmm]" (an offset is converted to UTC); time "HH:mm[:ss[.f{1,7}]]".
/// Values are days since 1970-01-01 and microseconds since 1970-01-01T00:00 / since midnight.
/// </summary>
internal static class IsoDateTime
{
    public const long MicrosPerDay = 86_400_000_000L;
    private const long MicrosPerMinute = 60_000_000L;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static int ToEpochDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromEpochDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    public static long ToEpochMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTime FromEpochMicros(long micros) => DateTime.UnixEpoch.AddTicks(micros * 10);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<char> s, out int days)
    {
        days = 0;
        return s.Length == 10 && TryDate(s, out days);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimestamp(ReadOnlySpan<char> s, out long micros)
    {
        micros = 0;
        if (s.Length < 16 || (s[10] != 'T' && s[10] != ' ') || !TryDate(s, out int days))
            return false;
        if (!TryTimeOfDay(s[11..], out long timeMicros, out int used))
            return false;
        var rest = s[(11 + used)..];
        long offsetMicros = 0;
        if (rest.Length == 1 && rest[0] == 'Z')
            rest = default;
        else if (rest.Length > 0 && !TryOffset(rest, out offsetMicros))
            return false;
        micros = (long)days * MicrosPerDay + timeMicros - offsetMicros;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTime(ReadOnlySpan<char> s, out long micros) =>
        TryTimeOfDay(s, out micros, out int used) && used == s.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDate(ReadOnlySpan<char> s, out int epochDays)
    {
        epochDays = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
            return false;
        if (!Digit(s[0], out int y0) || !Digit(s[1], out int y1) || !Digit(s[2], out int y2) || !Digit(s[3], out int y3)
            || !Digit(s[5], out int m0) || !Digit(s[6], out int m1) || !Digit(s[8], out int d0) || !Digit(s[9], out int d1))
            return false;
        int y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m))
            return false;
        epochDays = DaysFromCivil(y, m, d);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digit(char c, out int value)
    {
        value = c - '0';
        return (uint)value <= 9;
    }

    private static ReadOnlySpan<byte> MonthDays => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : MonthDays[month];

    /// <summary>Days since 1970-01-01 of a valid proleptic Gregorian date (years from March, so leap days come last).</summary>
    internal static int DaysFromCivil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400; // y >= 0 here
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /// <summary>"HH:mm[:ss[.fffffff]]" at the start of <paramref name="s"/>; <paramref name="used"/> = characters consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryTimeOfDay(ReadOnlySpan<char> s, out long micros, out int used)
    {
        micros = 0;
        used = 0;
        if (s.Length < 5 || s[2] != ':' || !Digit(s[0], out int h0) || !Digit(s[1], out int h1) || !Digit(s[3], out int mi0) || !Digit(s[4], out int mi1))
            return false;
        int h = h0 * 10 + h1, mi = mi0 * 10 + mi1;
        if (h > 23 || mi > 59)
            return false;
        int sec = 0;
        long fraction = 0;
        used = 5;
        if (s.Length >= 8 && s[5] == ':')
        {
            if (!Digit(s[6], out int s0) || !Digit(s[7], out int s1) || (sec = s0 * 10 + s1) > 59)
                return false;
            used = 8;
            if (s.Length > 9 && s[8] == '.')
            {
                int n = 0;
                while (9 + n < s.Length && n < 7 && char.IsAsciiDigit(s[9 + n]))
                    n++;
                if (n == 0 || !Digits(s.Slice(9, n), out int f))
                    return false;
                fraction = f;
                for (int k = n; k < 7; k++)
                    fraction *= 10; // now in 100 ns ticks
                used = 9 + n;
            }
        }
        micros = (h * 3600L + mi * 60L + sec) * 1_000_000L + fraction / 10;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryOffset(ReadOnlySpan<char> s, out long micros)
    {
        micros = 0;
        if (s[0] != '+' && s[0] != '-')
            return false;
        var body = s[1..];
        int h, m;
        if (body.Length == 5 && body[2] == ':')
        {
            if (!Digits(body[..2], out h) || !Digits(body.Slice(3, 2), out m))
                return false;
        }
        else if (body.Length == 4)
        {
            if (!Digits(body[..2], out h) || !Digits(body.Slice(2, 2), out m))
                return false;
        }
        else
        {
            return false;
        }
        if (h > 14 || m > 59)
            return false;
        micros = (h * 60L + m) * MicrosPerMinute * (s[0] == '-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
