using System.Diagnostics;
using System.Globalization;
using System.Text;
using XlsxBench;

// Usage: run.sh [--rows N] [--runs K] [--file path] [--skip-edr]
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var options = Options.Parse(args);
if (!File.Exists(options.File))
{
    Directory.CreateDirectory(Path.GetDirectoryName(options.File)!);
    var generate = Stopwatch.StartNew();
    WorkbookGenerator.Write(options.File, options.Rows);
    Console.WriteLine($"generated {options.File} ({new FileInfo(options.File).Length / 1e6:F1} MB) in {generate.Elapsed.TotalSeconds:F1} s");
}
Console.WriteLine($"file: {options.File}, {new FileInfo(options.File).Length / 1e6:F1} MB on disk; best of {options.Runs} runs; {Environment.ProcessorCount} cores; .NET {Environment.Version}");

long inflated = Stages.UnzipOnly(options.File);
var results = new List<(string Name, double Seconds, long Allocated)>();
void Measure(string name, Func<string, long> action, Func<double>? seconds = null)
{
    double best = double.MaxValue;
    long allocated = 0;
    for (int i = 0; i < options.Runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action(options.File);
        double elapsed = seconds?.Invoke() ?? watch.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        best = Math.Min(best, elapsed);
    }
    results.Add((name, best, allocated));
    Console.WriteLine($"{name,-34} {best,8:F3} s  {inflated / best / 1e6,7:F0} MB/s  alloc {allocated / 1e6,8:F0} MB");
}

Measure("unzip only (sheet + sst)", Stages.UnzipOnly);
Measure("load sst + styles", Stages.LoadTables);
Measure("sheet scan, one pass", Stages.ScanOnly, () => Stages.LastScanSeconds);
Measure("our reader (2 passes, typed)", Stages.OurReader);
Measure("naive ZipArchive + XmlReader", Stages.NaiveXmlReader);
if (!options.SkipEdr)
    Measure("ExcelDataReader 3.6.0", Stages.ExcelDataReaderOnly);

double unzip = results[0].Seconds, tables = results[1].Seconds, scan = results[2].Seconds, ours = results[3].Seconds;
double typing = Math.Max(0, ours - tables - 2 * scan);
Console.WriteLine();
Console.WriteLine($"inflated bytes (sheet + sst): {inflated / 1e6:F0} MB");
Console.WriteLine($"our reader split: tables {tables:F3} s, 2 x scan {2 * scan:F3} s (of which inflate ~{unzip:F3} s per pass), typing+batches {typing:F3} s");
foreach (var (name, seconds, _) in results)
    Console.WriteLine($"ratio {name,-34} {seconds / unzip,6:F2} x unzip   {seconds / ours,6:F2} x ours");
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

internal sealed record Options(int Rows, int Runs, string File, bool SkipEdr)
{
    public static Options Parse(string[] args)
    {
        int rows = 1_000_000, runs = 3;
        string? file = null;
        bool skipEdr = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--file": file = args[++i]; break;
                case "--skip-edr": skipEdr = true; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}");
            }
        }
        file ??= Path.Combine(Path.GetTempPath(), "xlsx-bench", $"bench-{rows}.xlsx");
        return new Options(rows, runs, file, skipEdr);
    }
}
