using System.Globalization;

namespace FunctionsIngest.Data;

// Wording for the Excel read options (Sources/Excel): sheet lists, ranges, header detection and schema overrides.
public static partial class IngestErrors
{
    public static IngestException SheetAndSheetsBothSet(string file) =>
        new($"'{file}': set either Sheet or Sheets, not both.") { File = file };

    public static IngestException NoSheetMatches(string file, IEnumerable<string> patterns, IEnumerable<string> available, bool hiddenLeftOut) =>
        new($"Workbook '{file}' has no sheet matching {string.Join(", ", patterns.Select(p => $"'{p}'"))}"
            + (hiddenLeftOut ? " (hidden sheets are left out of patterns unless IncludeHiddenSheets is set)" : "")
            + $". Sheets: {string.Join(", ", available.Select(s => $"'{s}'"))}.") { File = file };

    public static IngestException EmptySheetPattern(string file) =>
        new($"'{file}': Sheets holds an empty entry; give sheet names, 1-based positions or patterns with * and ?.") { File = file };

    public static IngestException BadRange(string file, string range) =>
        new($"'{file}': the range '{range}' is not valid; write it as 'A3:H500', 'A3:H' (to the last row) or 'B:F' (whole columns), with the first cell above and left of the last.") { File = file };

    public static IngestException RangeHeaderOutside(string file, string range, int headerRow) =>
        new($"'{file}': header row {headerRow} (counted from the first row of the range '{range}') lies below the range's last row.") { File = file };

    public static IngestException NoHeaderFound(string file, string sheet) =>
        new($"Workbook '{file}', sheet '{sheet}' has no cells, so no header row could be found.") { File = file, Sheet = sheet };

    public static IngestException BadCellValue(string file, string sheet, string cell, string column, string value, ColumnType type) =>
        new($"Workbook '{file}', sheet '{sheet}', cell {cell}, column '{column}': '{Clip(value)}' is not a valid {type}.") { File = file, Sheet = sheet, Cell = cell, Column = column };

    public static IngestException MissingRequiredCell(string file, string sheet, string cell, string column) =>
        new($"Workbook '{file}', sheet '{sheet}', cell {cell}, column '{column}': the cell is empty but the column is not nullable.") { File = file, Sheet = sheet, Cell = cell, Column = column };

    public static SourceWarning EmptySheetSkippedWarning(string sheet) =>
        new($"Sheet '{sheet}' has no cells in the table area; it added no rows.", sheet);
}
