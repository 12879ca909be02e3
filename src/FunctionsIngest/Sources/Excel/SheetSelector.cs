using System.Globalization;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel;

/// <summary>Resolves <see cref="ExcelReadOptions.Sheet"/>: exact name, then case-insensitive name, then a 1-based index.</summary>
internal static class SheetSelector
{
    public static int Select(string file, IReadOnlyList<string> sheets, string? requested)
    {
        if (sheets.Count == 0)
            throw IngestErrors.NoWorksheets(file);
        if (requested is null)
            return 0;
        for (int i = 0; i < sheets.Count; i++)
        {
            if (string.Equals(sheets[i], requested, StringComparison.Ordinal))
                return i;
        }
        for (int i = 0; i < sheets.Count; i++)
        {
            if (string.Equals(sheets[i], requested, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        if (requested.Length > 0 && requested.All(char.IsAsciiDigit)
            && int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out int position)
            && position >= 1 && position <= sheets.Count)
            return position - 1;
        throw IngestErrors.SheetNotFound(file, requested, sheets);
    }
}
