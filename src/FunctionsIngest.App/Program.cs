using System.Runtime.CompilerServices;
using FunctionsIngest.App.Cli;
using FunctionsIngest.App.Functions;
using FunctionsIngest.App.Hosting;

if (args.Length > 0 && args[0] == "convert")
    return ConvertCommand.Run(args[1..], Console.Out, Console.Error);

if (args.Length > 0 && args[0] == "functions")
{
    if (args.Length != 2)
    {
        Console.Error.WriteLine("usage: functions OUTPUT_FOLDER   (writes one function.json folder per function, next to host.json)");
        return 2;
    }
    await using var described = IngestApp.Create([]);
    var written = FunctionFolders.Write(IngestApp.Endpoints(described), args[1]);
    Console.WriteLine($"{written.Count} functions written to {args[1]}: {string.Join(", ", written)}");
    if (!RuntimeFeature.IsDynamicCodeSupported)
    {
        var executable = Path.GetFileName(Environment.ProcessPath!);
        NativeHandler.PointHostJsonAt(args[1], executable);
        Console.WriteLine($"host.json: the custom handler is the native executable '{executable}'");
    }
    return 0;
}

var app = IngestApp.Create(args);
StartupChecks.Run(app);
app.Run();
return 0;

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
