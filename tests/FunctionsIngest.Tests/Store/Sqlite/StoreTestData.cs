using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;

namespace FunctionsIngest.Tests.Store.Sqlite;

/// <summary>Builders for the store's records, at instants with sub-millisecond ticks to prove exact round trips.</summary>
internal static class StoreTestData
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    public static Job Job(string name, string? id = null, DateTimeOffset? at = null) => new(
        id ?? "job-" + name.ToLowerInvariant(),
        new JobDefinition
        {
            Name = name,
            Source = new SourceDefinition { Path = $"in/{name}.xlsx", Sheet = "Data", HeaderRow = 2 },
            Destination = new DestinationDefinition { Path = $"out/{name}", Compression = "gzip" },
            Schedule = "0 */5 * * * *",
            TimeZone = "Europe/Berlin",
            Enabled = false,
        },
        at ?? T0,
        at ?? T0);

    public static RunRecord Run(string id, string jobId, DateTimeOffset createdAt, RunStatus status = RunStatus.Pending) => new()
    {
        Id = id,
        JobId = jobId,
        JobName = "name of " + jobId,
        Trigger = "schedule",
        Status = status,
        CreatedAt = createdAt,
        LastUpdatedAt = createdAt,
        JobSnapshot = """{"name":"x"}""",
    };

    public static RunStep Step(string runId, StepKind kind = StepKind.Copy, int ordinal = 0, DateTimeOffset? notBefore = null) => new()
    {
        RunId = runId,
        Kind = kind,
        Ordinal = ordinal,
        NotBefore = notBefore,
        CreatedAt = T0,
        Input = $$"""{"item":{{ordinal}}}""",
    };

    public static RunLogEntry Log(string runId, int n, RunLogLevel level = RunLogLevel.Information) => new()
    {
        RunId = runId,
        Timestamp = T0.AddMilliseconds(n),
        Level = level,
        Step = $"copy[{n}]",
        Message = $"message {n}",
        Data = n % 2 == 0 ? $$"""{"n":{{n}}}""" : null,
    };
}
