using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>A whole Excel read as one comparable text: schema, each row with its sheet row number, the warnings, or the error.</summary>
public static class ExcelSnapshot
{
    public static string Of(string path, ExcelReadOptions options) => Read(path, options).Text;

    /// <summary>The snapshot, and whether the reader went in one pass.</summary>
    public static (string Text, bool SinglePass) Read(string path, ExcelReadOptions options)
    {
        try
        {
            using var reader = ExcelTableReader.Open(path, options);
            var lines = new List<string> { string.Join("|", reader.Schema.Columns.Select(c => $"{c.Name}:{c.Type}:{c.Nullable}")) };
            while (reader.ReadNextBatch() is { } batch)
            {
                var numbers = ((ISourceRowNumbers)reader).LastBatchRowNumbers.ToArray();
                for (int r = 0; r < batch.RowCount; r++)
                    lines.Add(numbers[r] + ": " + string.Join("|", batch.Columns.Select(c => TableReading.Show(TableReading.ValueAt(c, r)))));
            }
            lines.Add($"{reader.RowsRead} rows, {reader.WarningCount} warnings");
            lines.AddRange(reader.Warnings.Select(w => $"{w.Location} {w.Message}"));
            return (string.Join("\n", lines), reader.IsSinglePass);
        }
        catch (IngestException ex)
        {
            return ("error: " + ex.Message, false);
        }
    }
}
