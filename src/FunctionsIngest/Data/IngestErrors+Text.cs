using System.Globalization;

namespace FunctionsIngest.Data;

// Wording for the text sources (Sources/Csv, Sources/Json, Sources/Text) and the transforms (Transforms).
public static partial class IngestErrors
{
    // ---- CSV / JSON files ----

    public static IngestException UnknownEncoding(string file, string name) =>
        new($"'{file}': the encoding '{name}' is not known; use utf-8, utf-16le, utf-16be or windows-1252.") { File = file };

    public static IngestException InvalidEncoding(string file, string encoding, long line) =>
        new($"'{file}', line {N(line)}: the bytes are not valid {encoding}; if the file was saved by an older tool, set the encoding to windows-1252.") { File = file, Cell = Line(line) };

    public static IngestException UnknownCulture(string file, string name) =>
        new($"'{file}': the culture '{name}' is not known; use a name such as 'en-US' or 'fr-FR', or leave it empty for the invariant culture.") { File = file };

    public static IngestException BadDelimiter(string file, string delimiter) =>
        new($"'{file}': the delimiter '{delimiter}' is invalid; give one character (such as ',', ';', '\\t' or '|') or 'auto'.") { File = file };

    public static IngestException NoColumns(string file) =>
        new($"'{file}' is empty: it has no header and no records, so it has no columns.") { File = file };

    public static IngestException TooManyFields(string file, long line, int found, int expected) =>
        new($"'{file}', line {N(line)}: the record has {found} fields but the header has {expected}.") { File = file, Cell = Line(line) };

    public static IngestException TooFewFields(string file, long line, int found, int expected) =>
        new($"'{file}', line {N(line)}: the record has {found} fields but the header has {expected} (short rows are not allowed).") { File = file, Cell = Line(line) };

    public static IngestException UnclosedQuote(string file, long line) =>
        new($"'{file}', line {N(line)}: a quoted field opened on this line is not closed before the end of the file.") { File = file, Cell = Line(line) };

    public static IngestException TextAfterClosingQuote(string file, long line, char found) =>
        new($"'{file}', line {N(line)}: '{found}' follows a closing quote; a quoted field must end at a delimiter or line end (double the quote to include it).") { File = file, Cell = Line(line) };

    public static IngestException RecordTooLarge(string file, long line, int limitChars) =>
        new($"'{file}', line {N(line)}: the record is longer than {N(limitChars)} characters (often an unclosed quote).") { File = file, Cell = Line(line) };

    public static IngestException BadValue(string file, long line, string column, string value, ColumnType type) =>
        new($"'{file}', line {N(line)}, column '{column}': '{Clip(value)}' is not a valid {type}.") { File = file, Cell = Line(line), Column = column };

    public static IngestException MissingRequiredValue(string file, long line, string column) =>
        new($"'{file}', line {N(line)}, column '{column}': the value is empty but the column is not nullable.") { File = file, Cell = Line(line), Column = column };

    public static IngestException SchemaColumnNotFound(string file, string column, IEnumerable<string> available) =>
        new($"'{file}': the schema names column '{column}', which the file does not have. Columns: {List(available)}.") { File = file, Column = column };

    public static IngestException TextSourceChanged(string file, long line, string column) =>
        new($"'{file}', line {N(line)}, column '{column}': the value no longer fits the type inferred in the first pass; the file changed while it was being read.") { File = file, Cell = Line(line), Column = column };

    public static SourceWarning ShortRowsWarning(long count, long firstLine) =>
        new($"{N(count)} records had fewer fields than the header (first at line {N(firstLine)}); the missing fields were read as null.", Line(firstLine));

    public static IngestException MalformedJson(string file, long line, long bytePositionInLine, string reason, Exception? inner = null) =>
        new($"'{file}', line {N(line)}, byte {N(bytePositionInLine)} of the line: malformed JSON ({reason}).", inner) { File = file, Cell = Line(line) };

    public static IngestException JsonRecordNotObject(string file, long line, string kind) =>
        new($"'{file}', line {N(line)}: each record must be a JSON object, found {kind}.") { File = file, Cell = Line(line) };

    public static IngestException JsonNoColumns(string file) =>
        new($"'{file}' holds no records with fields, so it has no columns.") { File = file };

    public static IngestException JsonTooManyColumns(string file, int limit) =>
        new($"'{file}': the records flatten to more than {N(limit)} distinct columns.") { File = file };

    // ---- Transforms ----

    public static IngestException InvalidTransforms(IReadOnlyList<string> errors) =>
        new($"The transforms are invalid: {string.Join(" ", errors)}");

    public static IngestException CastFailed(long row, string column, string value, ColumnType type) =>
        new($"Row {N(row)}, column '{column}': '{Clip(value)}' cannot be converted to {type}.") { Column = column, Cell = "row " + N(row) };

    public static IngestException RequiredValueMissing(long row, string column) =>
        new($"Row {N(row)}, column '{column}': the value is missing but the column is not nullable.") { Column = column, Cell = "row " + N(row) };

    public static string SpecColumnMissing(int index, string spec, string column, IEnumerable<string> available) =>
        $"Transform {index + 1} ({spec}): column '{column}' does not exist at this point. Columns: {List(available)}.";

    public static string SpecColumnExists(int index, string spec, string column) =>
        $"Transform {index + 1} ({spec}): a column named '{column}' already exists.";

    public static string SpecInvalid(int index, string spec, string reason) =>
        $"Transform {index + 1} ({spec}): {reason}";

    public static string ReasonCastFailed(string column, string value, ColumnType type) =>
        $"column '{column}': '{Clip(value)}' cannot be converted to {type}";

    public static string ReasonRequired(string column) => $"column '{column}' is required but empty";

    public static string ReasonPattern(string column, string value, string pattern) =>
        $"column '{column}': '{Clip(value)}' does not match the pattern {pattern}";

    public static string ReasonBelowMin(string column, string value, string min) => $"column '{column}': {value} is below the minimum {min}";

    public static string ReasonAboveMax(string column, string value, string max) => $"column '{column}': {value} is above the maximum {max}";

    public static string ReasonNotAllowed(string column, string value) => $"column '{column}': '{Clip(value)}' is not one of the allowed values";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Line(long line) => "line " + N(line);

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(s => $"'{s}'"));
}
