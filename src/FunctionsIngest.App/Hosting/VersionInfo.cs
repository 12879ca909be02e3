using System.Reflection;

namespace FunctionsIngest.App.Hosting;

/// <summary>The product version shown by the health endpoint and the logs.</summary>
public static class VersionInfo
{
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
