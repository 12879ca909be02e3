using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;

namespace FunctionsIngest.Store;

/// <summary>A job with its most recent run (null if it never ran), for the job listing.</summary>
public sealed record JobSummary(Job Job, RunRecord? LastRun);
