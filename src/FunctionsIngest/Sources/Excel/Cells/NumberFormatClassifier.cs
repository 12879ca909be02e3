namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>
/// Decides whether a number format shows dates or times: built-in ids per ECMA-376 §18.8.30 including the
/// East Asian and Thai ranges (14–22, 27–36, 45–47, 50–58, 71–81), custom codes by scanning for date/time tokens.
/// </summary>
internal static class NumberFormatClassifier
{
    public static NumberFormatKind ForBuiltInId(int id) => id switch
    {
        14 or 15 or 16 or 17 or 22 => NumberFormatKind.DateTime,
        >= 18 and <= 21 => NumberFormatKind.Time,
        >= 27 and <= 31 or 36 => NumberFormatKind.DateTime,
        >= 32 and <= 35 => NumberFormatKind.Time,
        >= 45 and <= 47 => NumberFormatKind.Time,
        >= 50 and <= 58 => NumberFormatKind.DateTime,
        >= 71 and <= 74 or 77 or 81 => NumberFormatKind.DateTime,
        75 or 76 or >= 78 and <= 80 => NumberFormatKind.Time,
        _ => NumberFormatKind.Number,
    };

    /// <summary>
    /// Steps: skip "literals", the character after \ _ *, [brackets] other than elapsed [h]/[m]/[s], the words
    /// General and @, and digit-placeholder runs (so the E of 0.00E+00 is no era); any y/m/d/h/s, AM/PM, A/P,
    /// e, g, B1/B2 or 上午/下午 left means a date or time. 'm' is minutes after h or before s.
    /// </summary>
    public static NumberFormatKind ForCode(string code)
    {
        bool date = false, time = false;
        char previous = '\0';     // last date/time token letter seen, lower-cased
        bool pendingMonth = false; // an 'm' whose meaning depends on whether 's' follows
        int i = 0;
        while (i < code.Length)
        {
            char c = code[i];
            char lower = char.ToLowerInvariant(c);
            switch (c)
            {
                case '"':
                    int close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close + 1;
                    continue;
                case '\\' or '_' or '*':
                    i += 2;
                    continue;
                case '[':
                    int end = code.IndexOf(']', i + 1);
                    var inner = end < 0 ? "" : code.Substring(i + 1, end - i - 1).ToLowerInvariant();
                    if (IsElapsed(inner))
                    {
                        time = true;
                        if (pendingMonth && inner[0] == 's')
                            pendingMonth = false;
                        previous = inner[0];
                    }
                    i = end < 0 ? code.Length : end + 1;
                    continue;
                case '@':
                    i++;
                    continue;
                case '0' or '#' or '?':
                    i = SkipDigitRun(code, i);
                    continue;
            }
            if (string.Compare(code, i, "General", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
            {
                i += 7;
                continue;
            }
            if (string.Compare(code, i, "AM/PM", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                time = true;
                i += 5;
                continue;
            }
            if (string.Compare(code, i, "A/P", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            {
                time = true;
                i += 3;
                continue;
            }
            if (c is '上' or '下' && i + 1 < code.Length && code[i + 1] == '午')
            {
                time = true;
                i += 2;
                continue;
            }
            if (lower == 'b' && i + 1 < code.Length && code[i + 1] is '1' or '2')
            {
                date = true;
                i += 2;
                continue;
            }
            switch (lower)
            {
                case 'y' or 'd' or 'e' or 'g':
                    if (pendingMonth) { date = true; pendingMonth = false; }
                    date = true;
                    previous = lower;
                    break;
                case 'h':
                    if (pendingMonth) { date = true; pendingMonth = false; }
                    time = true;
                    previous = 'h';
                    break;
                case 's':
                    if (pendingMonth) pendingMonth = false; // the pending m was minutes
                    time = true;
                    previous = 's';
                    break;
                case 'm':
                    if (previous != 'm')
                    {
                        if (previous == 'h')
                            time = true;
                        else
                            pendingMonth = true;
                    }
                    previous = 'm';
                    break;
            }
            i++;
        }
        if (pendingMonth)
            date = true;
        return date ? NumberFormatKind.DateTime : time ? NumberFormatKind.Time : NumberFormatKind.Number;
    }

    private static bool IsElapsed(string inner) =>
        inner.Length > 0 && inner[0] is 'h' or 'm' or 's' && inner.All(ch => ch == inner[0]);

    private static int SkipDigitRun(string code, int i)
    {
        while (i < code.Length && code[i] is '0' or '#' or '?' or '.' or ',' or '%' or 'E' or 'e' or '+' or '-')
        {
            // An E belongs to the run only as a scientific exponent marker followed by + or -.
            if (code[i] is 'E' or 'e' && !(i + 1 < code.Length && code[i + 1] is '+' or '-'))
                break;
            i++;
        }
        return i;
    }
}
