namespace FunctionsIngest.Data;

/// <summary>The one place where ingestion errors are worded, so every message names its file, sheet and cell the same way.</summary>
public static partial class IngestErrors
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

    // ---- Excel readers (Sources/Excel) ----

    public static IngestException PasswordProtected(string file) =>
        new($"Workbook '{file}' is password-protected (encrypted); remove the password in Excel and try again.") { File = file };

    public static IngestException TruncatedOrNotZip(string file, Exception inner) =>
        CorruptWorkbook(file, $"the zip container is truncated or damaged ({inner.Message})", inner);

    public static IngestException MissingPart(string file, string part) =>
        CorruptWorkbook(file, $"the required part '{part}' is missing from the package.");

    public static IngestException BadPart(string file, string part, string reason, Exception? inner = null) =>
        CorruptWorkbook(file, $"part '{part}': {reason}", inner);

    public static IngestException DuplicatePart(string file, string part) =>
        CorruptWorkbook(file, $"the package holds part '{part}' more than once.");

    public static IngestException TooManyParts(string file, int limit) =>
        CorruptWorkbook(file, $"the package holds more than {limit} entries (possible zip bomb).");

    public static IngestException ZipBomb(string file, string part, string reason) =>
        new($"Workbook '{file}' was rejected as a possible zip bomb: part '{part}' {reason}.") { File = file };

    public static IngestException DtdNotAllowed(string file, string part, Exception inner) =>
        BadPart(file, part, "a DTD declaration is present, which the Open Packaging Conventions forbid", inner);

    public static IngestException NoWorksheets(string file) =>
        new($"Workbook '{file}' contains no worksheets.") { File = file };

    public static IngestException BadHeaderRow(string file, int headerRow) =>
        new($"Header row {headerRow} for '{file}' is invalid: it must be between 1 and 1048576.") { File = file };

    public static IngestException ColumnOutOfRange(string file, string sheet, string cell) =>
        BadCell(file, sheet, cell, "the column is beyond XFD, the last column Excel allows (16,384 columns).");

    public static IngestException RowOutOfRange(string file, string sheet, string cell) =>
        BadCell(file, sheet, cell, "the row number is outside 1..1048576.");

    public static IngestException RowsOutOfOrder(string file, string sheet, int row, int previous) =>
        new($"Workbook '{file}', sheet '{sheet}': row {row} follows row {previous}; rows must be in ascending order.") { File = file, Sheet = sheet };

    public static IngestException BadCellReference(string file, string sheet, string reference) =>
        BadCell(file, sheet, reference, "the cell reference is not a valid A1-style reference.");

    public static IngestException TextTooLong(string file, string sheet, string cell, int limit) =>
        BadCell(file, sheet, cell, $"the text is longer than {limit} characters.");

    public static IngestException SharedStringTooLong(string file, int index, int limit) =>
        CorruptWorkbook(file, $"shared string {index} is longer than {limit} characters.");

    public static IngestException BadSharedStringIndex(string file, string sheet, string cell, string index, int count) =>
        BadCell(file, sheet, cell, $"shared string index '{index}' is not in the shared string table ({count} entries).");

    public static IngestException BadNumber(string file, string sheet, string cell, string text) =>
        BadCell(file, sheet, cell, $"'{Clip(text)}' is not a valid number.");

    public static IngestException BadBoolean(string file, string sheet, string cell, string text) =>
        BadCell(file, sheet, cell, $"'{Clip(text)}' is not a valid boolean.");

    public static SourceWarning ErrorCellWarning(string sheet, string cell, string code) =>
        new($"Cell {cell} holds the Excel error {code}; it was read as null.", $"{sheet}!{cell}");

    public static SourceWarning FormulaWithoutValueWarning(string sheet, string cell) =>
        new($"Cell {cell} holds a formula with no cached value; it was read as null.", $"{sheet}!{cell}");

    public static SourceWarning InvalidDateWarning(string sheet, string cell, string value) =>
        new($"Cell {cell} holds the date value {value}, which is not a real date (a negative serial, the phantom 1900-02-29, a date after 9999-12-31, or unreadable ISO text); it was read as null.", $"{sheet}!{cell}");

    public static IngestException SheetChangedWhileReading(string file, string sheet, string cell) =>
        BadCell(file, sheet, cell, "the value no longer fits the column type inferred in the first pass; the file changed while it was being read.");

    public static SourceWarning MoreWarnings(string sheet, long count) =>
        new($"{count} more cells in sheet '{sheet}' were read as null for the reasons above; only the first warnings are listed.", sheet);

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
