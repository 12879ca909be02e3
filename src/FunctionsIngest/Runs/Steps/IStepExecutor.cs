namespace FunctionsIngest.Runs.Steps;

/// <summary>Executes one kind of run step. Executors are idempotent: a re-executed step overwrites its own output.</summary>
public interface IStepExecutor
{
    StepKind Kind { get; }

    Task<StepResult> ExecuteAsync(StepContext context, CancellationToken ct);
}
