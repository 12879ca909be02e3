using System.Net;

namespace FunctionsIngest.App.Hosting;

/// <summary>Tells whether the configured URLs expose the API beyond this machine.</summary>
public static class ListenAddresses
{
    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopbackOnly(IEnumerable<string> urls) => urls.All(IsLoopback);

    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
            rest = rest[..slash];
        if (rest.StartsWith('['))
            return rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)];
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
