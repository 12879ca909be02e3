using System.Globalization;
using FunctionsIngest.Runs;
using FunctionsIngest.Store.Sqlite.Mapping;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.Store.Sqlite;

public sealed partial class SqliteIngestStore
{
    public async Task AppendLogsAsync(IReadOnlyList<RunLogEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var scope = await BeginWriteAsync(ct);
        using var cmd = scope.Command(LogRows.InsertSql);
        var runId = cmd.Parameters.Add("@run_id", SqliteType.Text);
        var ts = cmd.Parameters.Add("@ts", SqliteType.Text);
        var level = cmd.Parameters.Add("@level", SqliteType.Integer);
        var step = cmd.Parameters.Add("@step", SqliteType.Text);
        var message = cmd.Parameters.Add("@message", SqliteType.Text);
        var data = cmd.Parameters.Add("@data", SqliteType.Text);
        foreach (var entry in entries)
        {
            runId.Value = entry.RunId;
            ts.Value = SqliteValues.ToText(entry.Timestamp);
            level.Value = Enum.IsDefined(entry.Level)
                ? (int)entry.Level
                : throw new ArgumentOutOfRangeException(nameof(entries), entry.Level, "Not a defined RunLogLevel.");
            step.Value = entry.Step;
            message.Value = entry.Message;
            data.Value = SqliteValues.ToDb(entry.Data);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await scope.CommitAsync(ct);
    }

    public async Task<Page<RunLogEntry>> ListLogsAsync(LogQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPaging(query.Skip, query.Take);
        // Level is stored as the enum's integer so "at least this severe" is a range test.
        var minLevel = (int)(query.MinLevel ?? RunLogLevel.Debug);
        await using var connection = await OpenReadAsync(ct);
        using var tx = connection.BeginTransaction(deferred: true);
        using var count = Command(connection, "SELECT COUNT(*) FROM run_logs WHERE run_id = @run_id AND level >= @min", tx);
        using var page = Command(connection,
            $"SELECT {LogRows.Columns} FROM run_logs WHERE run_id = @run_id AND level >= @min " +
            "ORDER BY id LIMIT @take OFFSET @skip", tx);
        foreach (var cmd in new[] { count, page })
        {
            cmd.Parameters.AddWithValue("@run_id", query.RunId);
            cmd.Parameters.AddWithValue("@min", minLevel);
        }

        page.Parameters.AddWithValue("@take", query.Take);
        page.Parameters.AddWithValue("@skip", query.Skip);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var items = new List<RunLogEntry>(Math.Min(query.Take, 1024));
        await using (var reader = await page.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(LogRows.Read(reader));
            }
        }

        return new Page<RunLogEntry>(items, total, query.Skip, query.Take);
    }
}
