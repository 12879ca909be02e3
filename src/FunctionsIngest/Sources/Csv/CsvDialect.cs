using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Csv;

/// <summary>The resolved delimiter, quote and escape characters of a file.</summary>
internal readonly record struct CsvDialect(char Delimiter, char Quote, char Escape)
{
    public bool Quoting => Quote != '\0';

    public bool EscapeIsQuote => Escape == Quote;

    /// <summary>Resolves the options; "auto" is resolved later by <see cref="CsvDelimiterSniffer"/>, here it yields '\0'.</summary>
    public static CsvDialect From(CsvReadOptions options, string file)
    {
        var d = options.Delimiter ?? ",";
        char delimiter;
        if (d.Equals("auto", StringComparison.OrdinalIgnoreCase))
            delimiter = '\0';
        else if (d == "\\t" || d.Equals("tab", StringComparison.OrdinalIgnoreCase))
            delimiter = '\t';
        else if (d.Length == 1 && d[0] is not ('\r' or '\n'))
            delimiter = d[0];
        else
            throw IngestErrors.BadDelimiter(file, d);
        if (delimiter != '\0' && (delimiter == options.Quote || delimiter == options.Escape))
            throw IngestErrors.BadDelimiter(file, d);
        return new CsvDialect(delimiter, options.Quote, options.Escape ?? options.Quote);
    }
}
