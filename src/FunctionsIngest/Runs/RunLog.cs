using System.Text.Json.Nodes;

namespace FunctionsIngest.Runs;

/// <summary>Collects a step's log rows (with structured data) and writes them to the store in one go.</summary>
public sealed class RunLog(string runId, string step, TimeProvider clock)
{
    private readonly List<RunLogEntry> _entries = [];

    public IReadOnlyList<RunLogEntry> Entries => _entries;

    public void Info(string message, JsonObject? data = null) => Add(RunLogLevel.Information, message, data);

    public void Warning(string message, JsonObject? data = null) => Add(RunLogLevel.Warning, message, data);

    public void Error(string message, JsonObject? data = null) => Add(RunLogLevel.Error, message, data);

    public void Add(RunLogLevel level, string message, JsonObject? data)
    {
        lock (_entries)
        {
            _entries.Add(new RunLogEntry
            {
                RunId = runId,
                Timestamp = clock.GetUtcNow(),
                Level = level,
                Step = step,
                Message = message,
                Data = data is null ? null : LogData.Write(data),
            });
        }
    }
}
