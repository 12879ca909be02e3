using FunctionsIngest.App.Hosting;

namespace FunctionsIngest.App.Endpoints;

/// <summary>GET /api/health: liveness with the product version; never needs a key.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => Results.Ok(new HealthResponse("healthy", VersionInfo.Version)));
        return routes;
    }
}

/// <summary>The health document (and the Functions host's readiness probe, without a version).</summary>
public sealed record HealthResponse(string Status, string? Version = null);
