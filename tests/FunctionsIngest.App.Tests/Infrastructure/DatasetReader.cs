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
/// Reads a Parquet file with DuckDB, arrow-rs and hyparquet (<see cref="ParquetOracle"/>), asserts that all
/// three read it and agree value for value, and returns what they read.
/// </summary>
public static class DatasetReader
{
    public static ReadTable ReadAllReaders(string parquetFile)
    {
        var result = ParquetOracle.ReadAll(parquetFile);
        ReadTable? first = null;
        foreach (var reader in result.Readers)
        {
            if (reader.Error is not null)
                Assert.Fail($"{reader.Name} could not read {parquetFile}: {reader.Error}");
            var table = new ReadTable(reader.Columns, reader.Rows.Select(r => r.Select(Text).ToArray()).ToArray());
            if (first is null)
            {
                first = table;
                continue;
            }
            Assert.Equal(first.Columns, table.Columns);
            Assert.Equal(first.Rows.Count, table.Rows.Count);
            for (var i = 0; i < table.Rows.Count; i++)
                Assert.True(first.Row(i) == table.Row(i), $"row {i}: duckdb [{first.Row(i)}] but {reader.Name} [{table.Row(i)}]");
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
}
