namespace FunctionsIngest.Runs;

/// <summary>How an attempt to execute one step ended.</summary>
public enum StepOutcome
{
    /// <summary>No step was claimable.</summary>
    NoneClaimable,
    Completed,
    /// <summary>The step failed transiently and is pending again, after its retry delay.</summary>
    RetryScheduled,
    /// <summary>The step failed for good, and its run with it.</summary>
    RunFailed,
    /// <summary>The lease was lost (the run was cancelled, or another worker took the step over).</summary>
    Abandoned,
}
