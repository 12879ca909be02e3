using FunctionsIngest.Storage;
using FunctionsIngest.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FunctionsIngest.App.Hosting;

/// <summary>Refuses unsafe configurations before serving, opens the store, and says where the service listens and keeps its data.</summary>
public static class StartupChecks
{
    public static void Run(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var urls = ListenAddresses.Split(app.Configuration["urls"]);
        if (!ListenAddresses.IsLoopbackOnly(urls) && string.IsNullOrEmpty(options.ApiKey))
            throw new InvalidOperationException(
                $"Listening on {string.Join(", ", urls)} exposes the API beyond this machine: set an API key (Ingest:ApiKey, environment Ingest__ApiKey) or listen on 127.0.0.1 only.");

        if (options.RequireDataDirectory && !Directory.Exists(options.DataPath))
            throw new InvalidOperationException(
                $"The data directory {options.DataPath} does not exist and Ingest:RequireDataDirectory is true: is its file share mounted?");

        // Open the store and the storage root now, so a bad data directory fails the start, not the first request.
        app.Services.GetRequiredService<IIngestStore>();
        var storage = app.Services.GetRequiredService<IFileStorage>();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            app.Logger.LogInformation("FunctionsIngest {Version} listening on {Urls}", VersionInfo.Version,
                addresses is { Count: > 0 } ? string.Join(", ", addresses) : string.Join(", ", urls));
            app.Logger.LogInformation("Data directory: {DataDirectory} (database {Database}); sources and datasets: {Storage}",
                options.DataPath, options.DatabasePath, storage.Description);
            app.Logger.LogInformation("API key: {ApiKeyState}", string.IsNullOrEmpty(options.ApiKey) ? "not required (loopback only)" : "required");
        });
    }
}
