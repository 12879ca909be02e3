using System.Diagnostics;
using System.Text.Json;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Infrastructure;

/// <summary>Asks DuckDB (tests/oracles/query.mjs) a question about Parquet files: the outside view of a dataset.</summary>
public static class DuckDb
{
    public static JsonElement[] Query(string sql)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "oracles", "query.mjs"));
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"DuckDB failed on {sql}: {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
