using FunctionsIngest.App.Endpoints;
using FunctionsIngest.App.Functions;

namespace FunctionsIngest.App.Hosting;

/// <summary>Builds the web application (services, middleware, endpoints) the same way for every host mode.</summary>
public static class IngestApp
{
    public static WebApplication Create(string[] args)
    {
        // In Functions mode the process inherits the host's environment, whose ASPNETCORE_CONTENTROOT is the host's own folder.
        var builder = Environment.GetEnvironmentVariable(FunctionsMode.PortVariable) is { Length: > 0 }
            ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory })
            : WebApplication.CreateBuilder(args);
        if (FunctionsMode.Port(builder.Configuration) is { } functionsPort)
            FunctionsMode.Configure(builder, functionsPort);
        else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(IngestOptions.DefaultUrl);
        // Request logs would echo query strings, and with them an API key sent as ?code=.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = IngestJson.Options.DefaultIgnoreCondition;
            // Compile-time serialisers only: what the tests run is what the native build can do.
            o.SerializerOptions.TypeInfoResolverChain.Clear();
            o.SerializerOptions.TypeInfoResolverChain.Add(AppJsonContext.Default);
        });
        builder.Services.AddIngest(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        // Only the Functions host (on loopback) invokes these; they carry no API key.
        if (FunctionsMode.Port(app.Configuration) is not null)
            app.MapFunctions();
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapJobs();
        api.MapRuns();
        return app;
    }

    /// <summary>All the endpoints the application maps.</summary>
    public static EndpointDataSource Endpoints(WebApplication app) =>
        new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);
}
