using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace XlsxE2E;

/// <summary>
/// Writes the workbook's values as CSV through ExcelDataReader, a reader independent of ours, so the parity check
/// compares our Parquet with DuckDB's on data our reader did not produce.
/// </summary>
internal static class CsvFromExcelDataReader
{
    public static long Write(string xlsx, string csv)
    {
        using var stream = File.OpenRead(xlsx);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(256);
        long rows = -1; // the header row
        while (reader.Read())
        {
            line.Clear();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (i > 0)
                    line.Append(',');
                Append(line, reader.GetValue(i), reader.GetNumberFormatString(i));
            }
            writer.Write(line.Append('\n'));
            rows++;
        }
        return rows;
    }

    private static void Append(StringBuilder line, object? value, string? format)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                break;
            case double d:
                line.Append(d.ToString("R", inv));
                break;
            case bool b:
                line.Append(b ? "true" : "false");
                break;
            case DateTime t:
                // A format with hours is a date-time column; otherwise a date (DuckDB then infers DATE, as we do).
                bool hasTime = format is not null && format.Contains('h', StringComparison.OrdinalIgnoreCase);
                line.Append(t.ToString(hasTime ? "yyyy-MM-dd HH:mm:ss.FFFFFF" : "yyyy-MM-dd", inv));
                break;
            case string s when s.AsSpan().IndexOfAny(",\"\n\r") >= 0:
                line.Append('"').Append(s.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            default:
                line.Append(Convert.ToString(value, inv));
                break;
        }
    }
}
