using FunctionsIngest.Scheduling;
using Microsoft.Extensions.Options;

namespace FunctionsIngest.App.Hosting;

/// <summary>The standalone host's scheduler: one tick at start-up, then one just after every minute boundary.</summary>
public sealed class SchedulerService(SchedulerTick tick, TimeProvider clock, IOptions<IngestOptions> options, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await tick.TickAsync(stoppingToken);
                if (result.RunsCreated + result.SkippedOverlapping > 0)
                    logger.LogInformation("Scheduler tick: {Jobs} scheduled job(s), {Created} run(s) created, {Skipped} skipped (job still running).",
                        result.JobsEvaluated, result.RunsCreated, result.SkippedOverlapping);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduler tick failed; the next tick catches up.");
            }
            var now = clock.GetUtcNow();
            var nextMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(1);
            try
            {
                await Task.Delay(nextMinute - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
