using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources;

/// <summary>
/// A spreadsheet reader that knows which sheet column each of its schema columns came from. Readers implementing it
/// give exact cell addresses for any layout (ranges, detected headers, tables not starting in column A).
/// </summary>
public interface ISheetCellLayout
{
    /// <summary>The column letter ("C") of each schema column, in schema order; null for a column not read from cells ("_sheet").</summary>
    IReadOnlyList<string?> ColumnLetters { get; }
}

public static partial class TableSources
{
    /// <summary>
    /// Column letters and the first data row's number for cell addresses. Without <see cref="ISheetCellLayout"/>, only
    /// the plain layout is addressed: one sheet, an explicit header row, no range, the table starting in column A
    /// (the reader numbers data rows consecutively from the row after the header, blank rows included).
    /// </summary>
    private static (IReadOnlyDictionary<string, string>? Letters, long FirstRow) CellLayout(ITableReader reader, ExcelReadOptions options)
    {
        bool plain = options.Sheets is null && options.Range is null && options.HeaderRow is not null;
        long firstRow = options.HeaderRow is { } header ? header + 1L : 1;
        if (reader is ISheetCellLayout layout)
            return (ToMap(reader.Schema, layout.ColumnLetters), reader is ISourceRowNumbers ? 1 : firstRow);
        if (!plain)
            return (null, firstRow);
        var letters = reader.Schema.Columns.Select((_, i) => (string?)ColumnLetter(i)).ToArray();
        return (ToMap(reader.Schema, letters), firstRow);
    }

    private static Dictionary<string, string> ToMap(TableSchema schema, IReadOnlyList<string?> letters)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < schema.Count && i < letters.Count; i++)
        {
            if (letters[i] is { } letter)
                map[schema[i].Name] = letter;
        }
        return map;
    }

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string ColumnLetter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = new Stack<char>();
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
            letters.Push((char)('A' + (n - 1) % 26));
        return new string(letters.ToArray());
    }
}
