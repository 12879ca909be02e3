using System.Diagnostics;
using FunctionsIngest;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Parquet;
using FunctionsIngest.Runs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;
using FunctionsIngest.Store.Sqlite;

// Measures (1) one scheduler tick over N enabled jobs, against a plain read of the same jobs table as the
// floor, and (2) the orchestration overhead of a run of a one-row workbook (start request to Completed)
// against the bare copy of the same workbook, all on real SQLite files, in one process.
var jobs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
var root = Path.Combine(Path.GetTempPath(), "fi-runs-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
try
{
    await TickBench.RunAsync(root, jobs);
    await RunOverheadBench.RunAsync(root, runs);
    Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static class TickBench
{
    public static async Task RunAsync(string root, int count)
    {
        using var store = await SqliteIngestStore.OpenAsync(new SqliteStoreOptions { DatabasePath = Path.Combine(root, "tick.db") });
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo"];
        for (var i = 0; i < count; i++)
        {
            await store.CreateJobAsync(new Job($"job{i}", new JobDefinition
            {
                Name = $"job{i}",
                Source = new SourceDefinition { Path = "in/a.xlsx" },
                Destination = new DestinationDefinition { Path = $"out/{i}" },
                Schedule = (i % 3) switch { 0 => "0 3 * * *", 1 => "*/15 * * * *", _ => "0 0 * * 1" },
                TimeZone = zones[i % zones.Length],
            }, created, created));
        }
        var clock = new StepClock(new DateTimeOffset(2026, 3, 2, 10, 7, 30, TimeSpan.Zero)); // no schedule above is due at 10:07
        var tick = new SchedulerTick(store, new RunService(store, new RunSignal(), clock), clock);
        await store.SetSchedulerCursorAsync(clock.Now.AddMinutes(-1));
        await tick.TickAsync(); // warm-up (JIT, page cache)

        var idle = new List<double>();
        var floor = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await store.SetSchedulerCursorAsync(clock.Now.AddMinutes(-1));
            var sw = Stopwatch.StartNew();
            var result = await tick.TickAsync();
            idle.Add(sw.Elapsed.TotalMilliseconds);
            if (result.RunsCreated != 0)
                throw new InvalidOperationException("the idle tick created runs");
            sw.Restart();
            _ = await store.ListScheduledJobsAsync();
            floor.Add(sw.Elapsed.TotalMilliseconds);
        }

        clock.Now = new DateTimeOffset(2026, 3, 2, 10, 15, 10, TimeSpan.Zero); // every "*/15" job is due
        await store.SetSchedulerCursorAsync(clock.Now.AddMinutes(-1));
        var due = Stopwatch.StartNew();
        var busy = await tick.TickAsync();
        var dueMs = due.Elapsed.TotalMilliseconds;

        Console.WriteLine($"scheduler tick over {count} enabled jobs:");
        Console.WriteLine($"  idle tick (nothing due): median {Median(idle):0.0} ms  (target < 100 ms)");
        Console.WriteLine($"  floor, reading the scheduled jobs from SQLite: median {Median(floor):0.0} ms  -> tick/floor {Median(idle) / Median(floor):0.00}x");
        Console.WriteLine($"  busy tick ({busy.RunsCreated} runs created): {dueMs:0} ms ({dueMs / Math.Max(1, busy.RunsCreated) * 1000:0} us per run)");
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

static class RunOverheadBench
{
    public static async Task RunAsync(string root, int count)
    {
        var files = Path.Combine(root, "files");
        Directory.CreateDirectory(Path.Combine(files, "in"));
        XlsxBench.WorkbookGenerator.Write(Path.Combine(files, "in", "one.xlsx"), rows: 1);
        var storage = new LocalStorage(files);
        using var store = await SqliteIngestStore.OpenAsync(new SqliteStoreOptions { DatabasePath = Path.Combine(root, "runs.db") });
        var clock = TimeProvider.System;
        var signal = new RunSignal();
        var service = new RunService(store, signal, clock);
        var runner = new StepRunner(store, storage, clock, signal, [new PlanStep(storage, store), new CopyStep(storage, store), new CommitStep(storage, store)]);
        var job = new Job("one", new JobDefinition
        {
            Name = "one", Source = new SourceDefinition { Path = "in/one.xlsx" }, Destination = new DestinationDefinition { Path = "out/one" },
            Overlap = OverlapPolicies.Allow,
        }, clock.GetUtcNow(), clock.GetUtcNow());
        await store.CreateJobAsync(job);
        using var cts = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                try
                {
                    if (!await runner.RunOneAsync($"w{w}", cts.Token))
                        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        })).ToArray();

        var overhead = new List<double>();
        for (var i = 0; i < count + 5; i++)
        {
            var sw = Stopwatch.StartNew();
            var run = (await service.StartAsync(job, "manual")).Run!;
            while ((await store.GetRunAsync(run.Id))!.Status is RunStatus.Pending or RunStatus.Running)
                await Task.Delay(1);
            if (i >= 5)
                overhead.Add(sw.Elapsed.TotalMilliseconds);
        }
        await cts.CancelAsync();
        await Task.WhenAll(workers);

        var copy = new List<double>();
        for (var i = 0; i < count + 5; i++)
        {
            var sw = Stopwatch.StartNew();
            using var reader = ExcelTableReader.Open(Path.Combine(files, "in", "one.xlsx"), new ExcelReadOptions());
            TableCopier.CopyToFile(reader, Path.Combine(root, "bare.parquet"), ParquetCompression.Snappy);
            if (i >= 5)
                copy.Add(sw.Elapsed.TotalMilliseconds);
        }
        var run50 = TickBench.Median(overhead);
        var copy50 = TickBench.Median(copy);
        Console.WriteLine($"run of a one-row workbook, start request to Completed ({count} runs, 2 workers):");
        Console.WriteLine($"  median {run50:0.0} ms, p90 {overhead.Order().ElementAt(overhead.Count * 9 / 10):0.0} ms  (target < 100 ms)");
        Console.WriteLine($"  bare copy of the same workbook (no orchestration): median {copy50:0.0} ms -> orchestration adds {run50 - copy50:0.0} ms ({run50 / copy50:0.0}x)");
    }
}

/// <summary>A clock the benchmark sets by hand.</summary>
sealed class StepClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
