namespace FunctionsIngest.Runs;

/// <summary>How often and how soon a step that failed transiently is tried again (Durable retry options).</summary>
public sealed record RetryPolicy(int MaxAttempts = 3, double FirstRetryIntervalSeconds = 5, double BackoffCoefficient = 2, double MaxRetryIntervalSeconds = 300)
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>The delay before attempt <paramref name="attempt"/>+1, or null when no attempt is left.</summary>
    public TimeSpan? DelayAfter(int attempt)
    {
        if (attempt >= MaxAttempts)
            return null;
        var seconds = FirstRetryIntervalSeconds * Math.Pow(BackoffCoefficient, Math.Max(0, attempt - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryIntervalSeconds));
    }
}
