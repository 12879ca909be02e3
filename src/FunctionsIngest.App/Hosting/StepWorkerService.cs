using FunctionsIngest.Runs;
using Microsoft.Extensions.Options;

namespace FunctionsIngest.App.Hosting;

/// <summary>The standalone host's worker pool: loops that claim and execute run steps from the store.</summary>
public sealed class StepWorkerService(StepRunner runner, RunSignal signal, IOptions<IngestOptions> options, ILogger<StepWorkerService> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
            return Task.CompletedTask;
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var degree = Math.Max(1, options.Value.Workers);
        logger.LogInformation("Starting {Workers} run worker(s) as {Owner}.", degree, owner);
        return Task.WhenAll(Enumerable.Range(0, degree).Select(i => LoopAsync($"{owner}#{i}", stoppingToken)));
    }

    private async Task LoopAsync(string owner, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunOneAsync(owner, ct))
                    await signal.WaitAsync(IdlePoll, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store failure (disk full, locked file): keep the worker alive and try again shortly.
                logger.LogError(ex, "Run worker {Owner} failed; retrying.", owner);
                await Task.Delay(IdlePoll, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
