using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;

namespace CsvBench;

/// <summary>Reading without writing: our typed reader (both passes), and CsvHelper's parser touching every field once (no typing).</summary>
internal static class ParseOnly
{
    public static long Ours(string path)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var reader = CsvTableReader.Open(path, new CsvReadOptions());
        var open = watch.Elapsed;
        long rows = 0;
        while (reader.ReadNextBatch() is { } batch)
            rows += batch.RowCount;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass 1 (open, inference) {open.TotalSeconds:0.000} s, pass 2 (typed batches) {(watch.Elapsed - open).TotalSeconds:0.000} s"));
        return rows;
    }

    public static long CsvHelper(string path)
    {
        using var text = new StreamReader(path);
        using var parser = new global::CsvHelper.CsvParser(text, new global::CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture));
        long rows = 0, chars = 0;
        while (parser.Read())
        {
            for (int i = 0; i < parser.Count; i++)
                chars += parser[i].Length;
            rows++;
        }
        GC.KeepAlive(chars);
        return rows - 1; // the header
    }
}
