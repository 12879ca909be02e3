using System.Globalization;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Parses t="d" cell values (ISO 8601, e.g. "2000-01-01T00:00:00.33333333" from Excel Strict files). The clock time
/// as written is kept; any offset is ignored, since the data plane's timestamps carry no zone.
/// </summary>
internal static class IsoDates
{
    public static bool TryParseMicros(string text, out long micros)
    {
        micros = 0;
        var span = text.AsSpan().Trim();
        // DateTimeOffset parsing accepts at most 7 fractional digits; Excel writes more.
        int dot = span.IndexOf('.');
        string candidate = span.ToString();
        if (dot >= 0)
        {
            int end = dot + 1;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
                end++;
            if (end - dot - 1 > 7)
                candidate = string.Concat(span[..(dot + 8)], span[end..]);
        }
        if (!DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return false;
        micros = ExcelDateConverter.FromDateTime(value.DateTime);
        return true;
    }
}
