using FunctionsIngest.Runs;

namespace FunctionsIngest.Store;

/// <summary>Filter and paging for run listings; results are newest first (CreatedAt, then Id).</summary>
public sealed record RunQuery(string? JobId = null, RunStatus? Status = null, int Skip = 0, int Take = 50);

/// <summary>Filter and paging for a run's logs; results are oldest first.</summary>
public sealed record LogQuery(string RunId, RunLogLevel? MinLevel = null, int Skip = 0, int Take = 200);
