using System.Diagnostics;
using System.Globalization;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Csv;

namespace CsvBench;

/// <summary>
/// generate FILE ROWS | convert CSV PARQUET | parse CSV | csvhelper CSV. Prints one line "name seconds peakMB rows".
/// convert reads as jobs do (single pass, again in two on a miss); CSV_BENCH_TWO_PASS=1 makes it two passes.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var watch = Stopwatch.StartNew();
        long rows;
        switch (args[0])
        {
            case "generate":
                Generate.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            case "convert":
                bool singlePass = Environment.GetEnvironmentVariable("CSV_BENCH_TWO_PASS") != "1";
                rows = SpeculativeRead.Run(single =>
                {
                    using var reader = CsvTableReader.Open(args[1], new CsvReadOptions { SinglePass = single && singlePass });
                    return TableCopier.CopyToFile(reader, args[2], ParquetCompression.Snappy).RowsWritten;
                }, miss => Console.Error.WriteLine($"single pass missed: {miss.Message}"));
                break;
            case "read":
                rows = ParseOnly.Ours(args[1]);
                break;
            case "csvhelper":
                rows = ParseOnly.CsvHelper(args[1]);
                break;
            default:
                Console.Error.WriteLine("usage: generate FILE ROWS | convert CSV PARQUET | read CSV | csvhelper CSV");
                return 2;
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]} {watch.Elapsed.TotalSeconds:0.000} {peak:0} {rows}"));
        return 0;
    }
}
