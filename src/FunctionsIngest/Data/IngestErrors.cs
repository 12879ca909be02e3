namespace FunctionsIngest.Data;

/// <summary>The one place where ingestion errors are worded, so every message names its file, sheet and cell the same way.</summary>
public static class IngestErrors
{
    public static IngestException FileNotFound(string file) =>
        new($"Source file '{file}' was not found.") { File = file };

    public static IngestException NotAWorkbook(string file, string reason, Exception? inner = null) =>
        new($"'{file}' is not a readable Excel workbook: {reason}", inner) { File = file };

    public static IngestException CorruptWorkbook(string file, string reason, Exception? inner = null) =>
        new($"Workbook '{file}' is corrupt: {reason}", inner) { File = file };

    public static IngestException SheetNotFound(string file, string sheet, IEnumerable<string> available) =>
        new($"Workbook '{file}' has no sheet '{sheet}'. Sheets: {string.Join(", ", available.Select(s => $"'{s}'"))}.") { File = file, Sheet = sheet };

    public static IngestException BadCell(string file, string sheet, string cell, string reason) =>
        new($"Workbook '{file}', sheet '{sheet}', cell {cell}: {reason}") { File = file, Sheet = sheet, Cell = cell };

    public static IngestException HeaderRowMissing(string file, string sheet, int headerRow) =>
        new($"Workbook '{file}', sheet '{sheet}' has no row {headerRow} to use as the header row.") { File = file, Sheet = sheet };

    public static IngestException Io(string file, Exception inner) =>
        new($"I/O error on '{file}': {inner.Message}", inner) { File = file, IsTransient = true };
}
