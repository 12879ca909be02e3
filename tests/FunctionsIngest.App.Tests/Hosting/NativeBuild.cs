using System.Diagnostics;
using System.Runtime.InteropServices;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Hosting;

/// <summary>
/// The app published as a native executable (`dotnet publish -p:PublishAot=true`), once per test run, into a scratch
/// folder removed when the run ends. A failed publish fails every test that needs it, with the build's output.
/// </summary>
public static class NativeBuild
{
    private static readonly Lazy<string> LazyFolder = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The publish folder: the executable, host.json and the function folders.</summary>
    public static string Folder => LazyFolder.Value;

    public static string Executable => Path.Combine(Folder, "FunctionsIngest.App");

    private static string Publish()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "fi-native-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(scratch, "publish");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(scratch);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(RepoPaths.Root, "src", "FunctionsIngest.App", "FunctionsIngest.App.csproj"),
            "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "--artifacts-path", Path.Combine(scratch, "artifacts"), "-o", output, "-nologo" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The native publish took over 10 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The native publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return output;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
