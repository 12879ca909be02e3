using System.Text.RegularExpressions;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel;

/// <summary>A worksheet as listed by the workbook: tab position, name, and whether it is hidden or very hidden.</summary>
internal readonly record struct SheetEntry(int Index, string Name, bool Hidden);

/// <summary>
/// Resolves <see cref="ExcelReadOptions.Sheets"/>. Each entry is, in this order: an exact name, a case-insensitive
/// name, a 1-based position written as digits (these three always select, hidden or not, and fail when nothing
/// matches), or a pattern with * and ? (case-insensitive; hidden sheets only with IncludeHiddenSheets; may match
/// nothing). Sheets come in the order of the entries, each pattern's matches in tab order, without repeats.
/// </summary>
internal static class SheetListSelector
{
    public static IReadOnlyList<SheetEntry> Select(string file, IReadOnlyList<SheetEntry> sheets, IReadOnlyList<string> entries, bool includeHidden)
    {
        if (sheets.Count == 0)
            throw IngestErrors.NoWorksheets(file);
        var names = sheets.Select(s => s.Name).ToList();
        var chosen = new List<SheetEntry>();
        bool hiddenLeftOut = false;
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry))
                throw IngestErrors.EmptySheetPattern(file);
            if (!IsPattern(entry))
            {
                Add(chosen, sheets[SheetSelector.Select(file, names, entry)]);
                continue;
            }
            var regex = ToRegex(entry);
            foreach (var sheet in sheets)
            {
                if (!regex.IsMatch(sheet.Name))
                    continue;
                if (sheet.Hidden && !includeHidden)
                    hiddenLeftOut = true;
                else
                    Add(chosen, sheet);
            }
        }
        if (chosen.Count == 0)
            throw IngestErrors.NoSheetMatches(file, entries, names, hiddenLeftOut);
        return chosen;
    }

    public static bool IsPattern(string entry) => entry.AsSpan().IndexOfAny('*', '?') >= 0;

    private static void Add(List<SheetEntry> chosen, SheetEntry sheet)
    {
        if (!chosen.Exists(s => s.Index == sheet.Index))
            chosen.Add(sheet);
    }

    private static Regex ToRegex(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
