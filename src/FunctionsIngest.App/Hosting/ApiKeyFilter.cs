using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FunctionsIngest.App.Hosting;

/// <summary>
/// Requires the configured API key, sent as the Functions host does: the x-functions-key header or
/// the code query parameter. Does nothing when no key is configured (loopback-only servers).
/// </summary>
public sealed class ApiKeyFilter(IOptions<IngestOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
            return next(context);
        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return next(context);
        return ValueTask.FromResult<object?>(Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: $"Send the API key in the '{HeaderName}' header or the 'code' query parameter."));
    }
}
