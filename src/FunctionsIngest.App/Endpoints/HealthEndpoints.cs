using FunctionsIngest.App.Hosting;

namespace FunctionsIngest.App.Endpoints;

/// <summary>GET /api/health: liveness with the product version; never needs a key.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => Results.Ok(new { status = "healthy", version = VersionInfo.Version }));
        return routes;
    }
}
