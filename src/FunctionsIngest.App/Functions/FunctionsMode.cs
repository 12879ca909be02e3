namespace FunctionsIngest.App.Functions;

/// <summary>
/// The Azure Functions custom-handler mode: the host sets FUNCTIONS_CUSTOMHANDLER_PORT and drives the app
/// (HTTP functions proxied, a timer function for the scheduler tick, a queue function per run step), so
/// the in-process scheduler and workers stay off.
/// </summary>
public static class FunctionsMode
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The names of the non-HTTP functions, which are also their invocation paths.</summary>
    public const string TimerFunction = "SchedulerTick";
    public const string StepFunction = "RunStep";
    public const string PoisonFunction = "RunStepPoison";
    public const string StepQueue = "ingest-steps";

    /// <summary>The port the host chose, from the environment (or any configuration source); null in standalone mode.</summary>
    public static string? Port(IConfiguration configuration) =>
        configuration[PortVariable] is { Length: > 0 } port ? port : null;

    public static void Configure(WebApplicationBuilder builder, string port)
    {
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:RunScheduler"] = "false",
            ["Ingest:RunWorkers"] = "false",
        });
    }
}
