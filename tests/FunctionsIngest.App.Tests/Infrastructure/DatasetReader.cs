using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Infrastructure;

/// <summary>A Parquet file as read by an outside reader: column names and rows of values as text.</summary>
public sealed record ReadTable(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows)
{
    /// <summary>Row <paramref name="index"/> as "a|b|c" (null as "∅"), for compact assertions.</summary>
    public string Row(int index) => string.Join("|", Rows[index].Select(v => v ?? "∅"));
}

/// <summary>
/// Reads a Parquet file with DuckDB, arrow-rs and hyparquet (tests/oracles/read-parquet.mjs), asserts
/// that all three read it and agree value for value, and returns what they read.
/// </summary>
public static class DatasetReader
{
    public static ReadTable ReadAllReaders(string parquetFile)
    {
        var document = RunOracle(parquetFile);
        ReadTable? first = null;
        foreach (var reader in new[] { "duckdb", "arrowRs", "hyparquet" })
        {
            var result = document.GetProperty(reader);
            if (result.TryGetProperty("error", out var error))
                Assert.Fail($"{reader} could not read {parquetFile}: {error}");
            var table = new ReadTable(
                result.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                result.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(Text).ToArray()).ToArray());
            if (first is null)
            {
                first = table;
                continue;
            }
            Assert.Equal(first.Columns, table.Columns);
            Assert.Equal(first.Rows.Count, table.Rows.Count);
            for (var i = 0; i < table.Rows.Count; i++)
                Assert.True(first.Rows[i].SequenceEqual(table.Rows[i]), $"row {i}: duckdb [{string.Join(", ", first.Rows[i])}] but {reader} [{string.Join(", ", table.Rows[i])}]");
        }
        return first!;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static JsonElement RunOracle(string parquetFile)
    {
        var oracles = Path.Combine(RepoPaths.Root, "tests", "oracles");
        Assert.True(Directory.Exists(Path.Combine(oracles, "node_modules")), $"Run `npm ci --prefix tests/oracles` first (scripts/test.sh does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(oracles, "read-parquet.mjs"));
        start.ArgumentList.Add(parquetFile);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(stdout.Length > 0, $"read-parquet.mjs printed nothing (exit {process.ExitCode}): {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
