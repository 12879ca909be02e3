using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace FunctionsIngest.Testing;

/// <summary>
/// Test oracle: reads a Parquet file with DuckDB, arrow-rs (parquet-wasm) and hyparquet through
/// <c>tests/oracles/read-parquet.mjs</c> and compares what each reader saw with expected values.
/// Installs the oracle's npm packages (npm ci) on first use when node_modules is missing.
/// </summary>
public static class ParquetOracle
{
    private static readonly object InstallGate = new();
    private static bool _installed;

    /// <summary>The folder holding FunctionsIngest.sln.</summary>
    public static string RepoRoot => RepoPaths.Root;

    /// <summary>The oracle folder (tests/oracles).</summary>
    public static string OracleDirectory => Path.Combine(RepoRoot, "tests", "oracles");

    /// <summary>Reads <paramref name="path"/> with the three readers; <paramref name="metadata"/> adds DuckDB's parquet_metadata() etc. and hyparquet's footer.</summary>
    public static OracleResult ReadAll(string path, bool metadata = false)
    {
        EnsureInstalled();
        var args = new List<string> { Path.Combine(OracleDirectory, "read-parquet.mjs"), Path.GetFullPath(path) };
        if (metadata) args.Add("--metadata");
        var (exit, stdout, stderr) = Run("node", args, OracleDirectory, TimeSpan.FromMinutes(3));
        if (exit != 0 || string.IsNullOrWhiteSpace(stdout))
            throw new ParquetOracleException($"read-parquet.mjs failed (exit {exit}) for {path}:\n{stderr}\n{stdout}");
        return new OracleResult(JsonDocument.Parse(stdout).RootElement.Clone());
    }

    /// <summary>
    /// Asserts every reader read the file without error and returned exactly <paramref name="columns"/> and
    /// <paramref name="expectedRows"/> (values compared by the expected value's CLR type; see <see cref="ValueMatches"/>).
    /// </summary>
    public static OracleResult AssertAllReadersSee(string path, IReadOnlyList<string> columns, IEnumerable<object?[]> expectedRows, bool metadata = false)
    {
        var result = ReadAll(path, metadata);
        var expected = expectedRows.ToList();
        var problems = new List<string>();
        foreach (var reader in result.Readers)
        {
            if (reader.Error is not null)
            {
                problems.Add($"{reader.Name}: error: {reader.Error}");
                continue;
            }

            if (!reader.Columns.SequenceEqual(columns))
                problems.Add($"{reader.Name}: columns [{string.Join(", ", reader.Columns)}], expected [{string.Join(", ", columns)}]");
            if (reader.Rows.Count != expected.Count)
            {
                problems.Add($"{reader.Name}: {reader.Rows.Count} rows, expected {expected.Count}");
                continue;
            }

            int reported = 0;
            for (int r = 0; r < expected.Count && reported < 10; r++)
            {
                var row = reader.Rows[r];
                if (row.Length != expected[r].Length)
                {
                    problems.Add($"{reader.Name}: row {r} has {row.Length} values, expected {expected[r].Length}");
                    reported++;
                    continue;
                }

                for (int c = 0; c < row.Length && reported < 10; c++)
                {
                    if (!ValueMatches(expected[r][c], row[c]))
                    {
                        problems.Add($"{reader.Name}: row {r} column '{columns.ElementAtOrDefault(c)}': got {row[c].GetRawText()}, expected {Describe(expected[r][c])}");
                        reported++;
                    }
                }
            }
        }

        if (problems.Count > 0)
            throw new ParquetOracleException($"Readers disagree with the expected values for {path}:\n  " + string.Join("\n  ", problems));
        return result;
    }

    /// <summary>
    /// True when the reader's normalised JSON value equals <paramref name="expected"/>: integers by decimal text, floats
    /// bit-exactly (NaN/±Infinity/-0 as strings), DateOnly "yyyy-MM-dd", DateTime "yyyy-MM-ddTHH:mm:ss.ffffff",
    /// TimeOnly/TimeSpan "HH:mm:ss.ffffff", byte[] as {"hex"}, Guid as its string or big-endian hex, decimal numerically.
    /// </summary>
    public static bool ValueMatches(object? expected, JsonElement actual)
    {
        switch (expected)
        {
            case null: return actual.ValueKind == JsonValueKind.Null;
            case bool b: return actual.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False);
            case string s: return actual.ValueKind == JsonValueKind.String && actual.GetString() == s;
            case sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger:
                return ScalarText(actual) == Convert.ToString(expected, CultureInfo.InvariantCulture);
            case float f: return DoubleMatches(f, actual);
            case double d: return DoubleMatches(d, actual);
            case decimal m: return ScalarText(actual) is { } t && decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var got) && got == m;
            case byte[] bytes: return HexOf(actual) == Convert.ToHexStringLower(bytes);
            case DateOnly date: return ScalarText(actual) == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case DateTime dt: return ScalarText(actual) == dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            case DateTimeOffset dto: return ScalarText(actual) == dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            case TimeOnly time: return ScalarText(actual) == time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            case TimeSpan span: return ScalarText(actual) == new TimeOnly(span.Ticks).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            case Guid g:
                {
                    Span<byte> be = stackalloc byte[16];
                    g.TryWriteBytes(be, bigEndian: true, out _);
                    return ScalarText(actual) == g.ToString("D") || HexOf(actual) == Convert.ToHexStringLower(be);
                }

            case JsonElement e: return JsonElement.DeepEquals(e, actual);
            default: throw new ArgumentException($"ParquetOracle cannot compare values of type {expected.GetType()}.");
        }
    }

    private static bool DoubleMatches(double expected, JsonElement actual)
    {
        if (actual.ValueKind == JsonValueKind.String)
        {
            return actual.GetString() switch
            {
                "NaN" => double.IsNaN(expected),
                "Infinity" => double.IsPositiveInfinity(expected),
                "-Infinity" => double.IsNegativeInfinity(expected),
                "-0" => expected == 0 && double.IsNegative(expected),
                var other => double.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(expected),
            };
        }

        return actual.ValueKind == JsonValueKind.Number
            && BitConverter.DoubleToInt64Bits(actual.GetDouble()) == BitConverter.DoubleToInt64Bits(expected);
    }

    private static string? ScalarText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static string? HexOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("hex", out var hex) ? hex.GetString() : null;

    private static string Describe(object? value) => value switch
    {
        null => "null",
        byte[] b => $"bytes 0x{Convert.ToHexStringLower(b)}",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + " (double)",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + " (float)",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };


    /// <summary>Runs <c>npm ci</c> in tests/oracles once when its node_modules is missing (process-wide and cross-process lock).</summary>
    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (_installed) return;
            string dir = OracleDirectory;
            string marker = Path.Combine(dir, "node_modules", "hyparquet-compressors", "package.json");
            if (!System.IO.File.Exists(marker))
            {
                using var fileLock = AcquireFileLock(Path.Combine(dir, ".npm-install.lock"));
                if (!System.IO.File.Exists(marker))
                {
                    var (exit, stdout, stderr) = Run("npm", ["ci", "--no-audit", "--no-fund"], dir, TimeSpan.FromMinutes(10));
                    if (exit != 0) throw new ParquetOracleException($"npm ci in {dir} failed (exit {exit}):\n{stderr}\n{stdout}");
                }
            }

            _installed = true;
        }
    }

    private static FileStream AcquireFileLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new ParquetOracleException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new ParquetOracleException($"{fileName} {string.Join(' ', args)} timed out after {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
