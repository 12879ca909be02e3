using System.Diagnostics;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;
using FunctionsIngest.Sources.Excel;
using XlsxBench;

namespace XlsxE2E;

/// <summary>
/// Splits "ours" into unzip, XML, typing and Parquet by running cumulative stages in one process, round-robin,
/// best of N: each stage does everything the previous one did plus one more step, so differences are the step's cost.
/// The reader reads in one pass, as the copy step does (its filling thread's CPU counts: CPU is the process's).
/// </summary>
internal static class StageSplit
{
    private static readonly (string Name, Func<string, long> Run)[] Steps =
    [
        ("unzip (inflate sheet + sst)", Stages.UnzipOnly),
        ("+ XML (sst, styles, sheet scan, cells)", Stages.ScanOnly),
        ("+ typing (one-pass reader, typed batches)", path => Stages.OurReader(path, singlePass: true)),
        ("+ Parquet (writer to Stream.Null)", ReaderAndWriter),
    ];

    public static void Run(string path, int runs)
    {
        var cpu = Enumerable.Repeat(double.MaxValue, Steps.Length).ToArray();
        var wall = Enumerable.Repeat(double.MaxValue, Steps.Length).ToArray();
        for (int run = 0; run < runs; run++)
        {
            for (int s = 0; s < Steps.Length; s++)
            {
                GC.Collect();
                double cpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
                var watch = Stopwatch.StartNew();
                Steps[s].Run(path);
                wall[s] = Math.Min(wall[s], watch.Elapsed.TotalSeconds);
                cpu[s] = Math.Min(cpu[s], Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore);
            }
        }

        Console.WriteLine($"| stage (cumulative) | CPU s | wall s | step CPU s | step share |");
        Console.WriteLine("|---|---|---|---|---|");
        double total = cpu[^1];
        for (int s = 0; s < Steps.Length; s++)
        {
            double step = s == 0 ? cpu[0] : cpu[s] - cpu[s - 1];
            Console.WriteLine($"| {Steps[s].Name} | {cpu[s]:F2} | {wall[s]:F2} | {step:F2} | {100 * step / total:F0}% |");
        }
        Console.WriteLine($"peak working set of the stage process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    private static long ReaderAndWriter(string path)
    {
        using var reader = ExcelTableReader.Open(path, new ExcelReadOptions { SinglePass = true });
        return TableCopier.CopyToStream(reader, Stream.Null, ParquetCompression.Snappy).Bytes;
    }
}
