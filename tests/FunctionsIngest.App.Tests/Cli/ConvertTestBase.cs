using FunctionsIngest.App.Cli;

namespace FunctionsIngest.App.Tests.Cli;

/// <summary>Runs the `convert` verb in-process with captured console output, in a scratch folder removed afterwards.</summary>
public abstract class ConvertTestBase : IDisposable
{
    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "fi-cli-" + Guid.NewGuid().ToString("N"));

    protected ConvertTestBase() => Directory.CreateDirectory(Dir);

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Exit, string Out, string Err) Convert(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ConvertCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
