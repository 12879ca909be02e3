namespace FunctionsIngest.Runs;

/// <summary>
/// Tells workers outside this process that a run has work (in Azure Functions: a wake-up message on the step queue).
/// Losing a notification delays a run but loses nothing: the scheduler tick re-sends wake-ups for waiting runs.
/// </summary>
public interface IRunDispatcher
{
    Task RunCreatedAsync(string runId, CancellationToken ct);
}
