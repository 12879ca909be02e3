using System.Diagnostics;
using System.Globalization;
using FunctionsIngest.Parquet;
using ParquetBench;

// Usage: ParquetBench <rows> <output.parquet> [snappy|gzip|zstd|none] [batchSize]
// Prints one JSON line: rows, seconds (wall, generation + writing), writeSeconds (wall inside writer calls), cpuSeconds
// (process CPU over the same span as seconds), bytes, peakWorkingSetMB, managed allocation (total and inside writer calls).
long rows = long.Parse(args[0], CultureInfo.InvariantCulture);
string output = args[1];
var codec = (args.Length > 2 ? args[2] : "snappy") switch
{
    "none" => ParquetCompression.None,
    "gzip" => ParquetCompression.Gzip,
    "zstd" => ParquetCompression.Zstd,
    _ => ParquetCompression.Snappy,
};
int batchSize = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 65_536;

var table = new SyntheticTable(batchSize);
var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var total = Stopwatch.StartNew();
var inWriter = new Stopwatch();
long writerAllocated = 0;
using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
using (var writer = new ParquetWriter(stream, SyntheticTable.Columns, new ParquetWriterOptions { Compression = codec }))
{
    for (long start = 0; start < rows; start += batchSize)
    {
        int count = (int)Math.Min(batchSize, rows - start);
        table.Fill(start, count);
        long before = GC.GetAllocatedBytesForCurrentThread();
        inWriter.Start();
        table.Write(writer, count);
        inWriter.Stop();
        writerAllocated += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    inWriter.Start();
    writer.Finish();
    inWriter.Stop();
}

total.Stop();
using var self = Process.GetCurrentProcess();
double cpuSeconds = (self.TotalProcessorTime - cpuStart).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"writer\":\"functionsingest\",\"codec\":\"{codec}\",\"rows\":{rows},\"seconds\":{total.Elapsed.TotalSeconds:F3},\"writeSeconds\":{inWriter.Elapsed.TotalSeconds:F3},\"cpuSeconds\":{cpuSeconds:F3},\"bytes\":{new FileInfo(output).Length},\"peakWorkingSetMB\":{self.PeakWorkingSet64 / 1048576.0:F1},\"allocatedMB\":{GC.GetTotalAllocatedBytes() / 1048576.0:F1},\"writerAllocatedMB\":{writerAllocated / 1048576.0:F1},\"gcs\":\"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}\",\"jitMs\":{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0},\"jitMethods\":{System.Runtime.JitInfo.GetCompiledMethodCount()}}}"));
