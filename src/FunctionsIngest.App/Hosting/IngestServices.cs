using FunctionsIngest.App.Functions;
using FunctionsIngest.Runs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;
using FunctionsIngest.Store.Sqlite;
using Microsoft.Extensions.Options;

namespace FunctionsIngest.App.Hosting;

/// <summary>Wires the engine (store, storage, run engine, workers) into the host's services.</summary>
public static class IngestServices
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IngestOptions>(configuration.GetSection(IngestOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IIngestStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            return SqliteIngestStore.OpenAsync(new SqliteStoreOptions { DatabasePath = options.DatabasePath, UseWal = options.UseWal })
                .GetAwaiter().GetResult();
        });
        services.AddSingleton(sp => FileStorageFactory.Create(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton<RunSignal>();
        services.AddSingleton<IRunDispatcher, StepQueueDispatcher>();
        services.AddSingleton<RunService>();
        services.AddSingleton<IStepExecutor, PlanStep>();
        services.AddSingleton<IStepExecutor, CopyStep>();
        services.AddSingleton<IStepExecutor, CommitStep>();
        services.AddSingleton(sp => new StepRunner(sp.GetRequiredService<IIngestStore>(), sp.GetRequiredService<IFileStorage>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RunSignal>(), sp.GetServices<IStepExecutor>())
        {
            Lease = TimeSpan.FromSeconds(Math.Max(3, sp.GetRequiredService<IOptions<IngestOptions>>().Value.StepLeaseSeconds)),
        });
        services.AddSingleton<SchedulerTick>();
        services.AddHostedService<SchedulerService>();
        services.AddHostedService<StepWorkerService>();
        return services;
    }
}
