using FunctionsIngest.Store;

namespace FunctionsIngest.Runs;

/// <summary>
/// Keeps a claimed step's lease alive while it executes (renewing every third of the lease), so a
/// long copy is not taken over by another worker, while a dead worker's lease still expires quickly.
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _loop;

    public LeaseHeartbeat(IIngestStore store, RunStep step, string owner, TimeSpan lease, TimeProvider clock)
    {
        _loop = RenewAsync(store, step.Id, owner, lease, clock, _stop.Token);
    }

    /// <summary>Cancelled once a renewal finds the lease gone: taken by another worker, or the run cancelled.</summary>
    public CancellationToken LeaseLost => _lost.Token;

    private async Task RenewAsync(IIngestStore store, long stepId, string owner, TimeSpan lease, TimeProvider clock, CancellationToken ct)
    {
        var interval = lease / 3;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, ct);
                if (!await store.RenewLeaseAsync(stepId, owner, clock.GetUtcNow() + lease, ct))
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failed renewal (busy database) is retried at the next interval; the lease has slack for two misses.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }
}
