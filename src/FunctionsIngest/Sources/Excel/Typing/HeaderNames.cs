using System.Globalization;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Column names from the header row: the cell's text, trimmed. A blank header becomes "column_N", N being the
/// 1-based sheet column number (C => "column_3"), so generated names do not shift when other columns change.
/// Duplicates (compared case-insensitively, as <see cref="Data.TableSchema"/> requires) get "_2", "_3"... left to right.
/// </summary>
internal static class HeaderNames
{
    public static string Generated(int sheetColumn) => "column_" + (sheetColumn + 1).ToString(CultureInfo.InvariantCulture);

    /// <param name="raw">Header text per output column (null when blank).</param>
    /// <param name="firstSheetColumn">0-based sheet column of the first output column.</param>
    /// <param name="normalize">Apply <see cref="HeaderNormalizer"/> first (<see cref="ExcelReadOptions.NormalizeHeaders"/>).</param>
    /// <param name="reserved">Names already taken (such as "_sheet"), so a header of that name gets a suffix.</param>
    public static string[] Build(IReadOnlyList<string?> raw, int firstSheetColumn, bool normalize = false, string? reserved = null)
    {
        var names = new string[raw.Count];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (reserved is not null)
            used.Add(reserved);
        for (int i = 0; i < raw.Count; i++)
        {
            var name = normalize ? HeaderNormalizer.Normalize(raw[i]) : raw[i]?.Trim();
            if (string.IsNullOrEmpty(name))
                name = Generated(firstSheetColumn + i);
            var candidate = name;
            for (int n = 2; !used.Add(candidate); n++)
                candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
            names[i] = candidate;
        }
        return names;
    }
}
