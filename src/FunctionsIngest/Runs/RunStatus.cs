namespace FunctionsIngest.Runs;

/// <summary>The Durable Functions runtime statuses a run moves through.</summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Canceled,
    Terminated,
}

public static class RunStatusExtensions
{
    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Canceled or RunStatus.Terminated;
}
