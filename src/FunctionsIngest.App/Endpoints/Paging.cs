using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionsIngest.App.Endpoints;

/// <summary>The skip/take query parameters every listing accepts.</summary>
public static class Paging
{
    public const int MaxTake = 1000;

    public static bool TryRead(HttpRequest request, int defaultTake, out int skip, out int take, out IDictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>();
        skip = 0;
        take = defaultTake;
        if (request.Query.TryGetValue("skip", out var s) && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
            errors["skip"] = ["must be a whole number of at least 0."];
        if (request.Query.TryGetValue("take", out var t) && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1 || take > MaxTake))
            errors["take"] = [$"must be a whole number between 1 and {MaxTake}."];
        return errors.Count == 0;
    }

    public static string NextLink(HttpRequest request, int skip, int take)
    {
        var query = request.Query.Where(q => q.Key is not ("skip" or "take"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("skip", skip.ToString(CultureInfo.InvariantCulture)))
            .Append(new("take", take.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
