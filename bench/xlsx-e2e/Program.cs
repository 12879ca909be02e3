using System.Diagnostics;
using System.Globalization;
using System.Text;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Xls;
using XlsxE2E;

// generate ROWS XLSX [CSV] | ours XLSX PARQUET | read XLSX | edr XLSX PARQUET | stages XLSX RUNS | micro tables|scan|read XLSX RUNS
// The timed commands print "name seconds rows"; run.sh wraps each in /usr/bin/time for wall, CPU and max RSS.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var watch = Stopwatch.StartNew();
long rows;
switch (args[0])
{
    case "generate":
        XlsxBench.WorkbookGenerator.Write(args[2], int.Parse(args[1], CultureInfo.InvariantCulture));
        rows = args.Length > 3 ? CsvFromExcelDataReader.Write(args[2], args[3]) : 0;
        break;
    case "ours":
        // As the copy step and `convert` read: one pass, and two after a miss. XLSX_BENCH_TWO_PASS=1: two passes.
        bool twoPass = Environment.GetEnvironmentVariable("XLSX_BENCH_TWO_PASS") == "1";
        rows = SpeculativeRead.Run(singlePass =>
        {
            using var reader = ExcelTableReader.Open(args[1], new ExcelReadOptions { SinglePass = singlePass && !twoPass });
            return TableCopier.CopyToFile(reader, args[2], ParquetCompression.Snappy).RowsWritten;
        }, miss => Console.Error.WriteLine("read again in two passes: " + miss.Message));
        break;
    case "read":
        // Our reader alone (every batch built, nothing written): its share of ours' memory.
        rows = XlsxBench.Stages.OurReader(args[1]);
        break;
    case "edr":
        // The product's ExcelDataReader path (used for .xls) pointed at the .xlsx: same typing, same writer.
        using (var reader = XlsTableReader.Open(args[1], Path.GetFileName(args[1]), new ExcelReadOptions()))
            rows = TableCopier.CopyToFile(reader, args[2], ParquetCompression.Snappy).RowsWritten;
        break;
    case "stages":
        StageSplit.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "micro":
        // Best CPU and wall of N warm runs of one step, for A/B of a change: "tables" (shared strings + styles), "scan" (sheet to row buffers), "read" (the one-pass reader to batches, no writer).
        Micro(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        return 0;
    default:
        Console.Error.WriteLine("usage: generate ROWS XLSX [CSV] | ours XLSX PARQUET | read XLSX | edr XLSX PARQUET | stages XLSX RUNS | micro tables|scan|read XLSX RUNS");
        return 2;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]} {watch.Elapsed.TotalSeconds:0.000} {rows}"));
return 0;

static void Micro(string step, string path, int runs)
{
    double bestCpu = double.MaxValue, bestWall = double.MaxValue;
    for (int i = 0; i < runs; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        if (step == "tables")
            XlsxBench.Stages.LoadTables(path);
        else if (step == "read")
            XlsxBench.Stages.OurReader(path, singlePass: true);
        else
            XlsxBench.Stages.ScanOnly(path);
        bestWall = Math.Min(bestWall, wall.Elapsed.TotalSeconds);
        double seconds = step != "scan" ? (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds : XlsxBench.Stages.LastScanSeconds;
        bestCpu = Math.Min(bestCpu, seconds);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step} best of {runs}: {bestCpu:0.000} s CPU, {bestWall:0.000} s wall"));
}
