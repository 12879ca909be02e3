using FunctionsIngest.App.Cli;
using FunctionsIngest.App.Endpoints;
using FunctionsIngest.App.Hosting;

if (args.Length > 0 && args[0] == "convert")
    return ConvertCommand.Run(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
    builder.WebHost.UseUrls(IngestOptions.DefaultUrl);
// Request logs would echo query strings, and with them an API key sent as ?code=.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    foreach (var converter in FunctionsIngest.IngestJson.Options.Converters)
        o.SerializerOptions.Converters.Add(converter);
    o.SerializerOptions.DefaultIgnoreCondition = FunctionsIngest.IngestJson.Options.DefaultIgnoreCondition;
});
builder.Services.AddIngest(builder.Configuration);

var app = builder.Build();
StartupChecks.Run(app);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
api.MapJobs();
api.MapRuns();
app.Run();
return 0;

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
