namespace FunctionsIngest.Runs;

/// <summary>Wakes idle in-process workers when new steps may be claimable.</summary>
public sealed class RunSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify() => _semaphore.Release();

    /// <summary>Waits for a notification or the timeout; true if notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
