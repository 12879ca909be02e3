using System.Text.Json;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Storage;

namespace FunctionsIngest.App.Endpoints;

/// <summary>
/// Turns a job's JSON body into a <see cref="JobDefinition"/>, collecting every problem by field path
/// ("source.path") instead of stopping at the first. Unknown fields are errors, so typos surface.
/// </summary>
public sealed class JobRequestParser
{
    private static readonly string[] ExcelExtensions = [".xlsx", ".xlsm", ".xls"];
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public static (JobDefinition? Job, IDictionary<string, string[]> Errors) Parse(JsonElement body)
    {
        var parser = new JobRequestParser();
        var job = parser.ParseJob(body);
        return parser._errors.Count == 0 ? (job, parser.Errors) : (null, parser.Errors);
    }

    private JobDefinition? ParseJob(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            Add("$", "The body must be a JSON object describing the job.");
            return null;
        }
        RejectUnknown(body, "", "name", "source", "destination", "schedule", "timeZone", "enabled", "overlap", "catchUp", "retry");
        var name = RequiredString(body, "name", "name");
        if (name is { Length: > 200 })
            Add("name", "must be at most 200 characters.");
        var source = Object(body, "source", "source") is { } s ? ParseSource(s) : null;
        var destination = Object(body, "destination", "destination") is { } d ? ParseDestination(d) : null;
        var schedule = OptionalString(body, "schedule", "schedule");
        if (schedule is not null && CronSchedule.Validate(schedule) is { } cronError)
            Add("schedule", cronError);
        var timeZone = OptionalString(body, "timeZone", "timeZone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            Add("timeZone", $"'{timeZone}' is not a known IANA time zone (e.g. 'Europe/Paris', 'UTC').");
        var enabled = OptionalBool(body, "enabled", "enabled") ?? true;
        var overlap = OneOf(body, "overlap", OverlapPolicies.All) ?? OverlapPolicies.Skip;
        var catchUp = OneOf(body, "catchUp", CatchUpPolicies.Values) ?? CatchUpPolicies.Once;
        var retry = body.TryGetProperty("retry", out var r) && r.ValueKind != JsonValueKind.Null ? ParseRetry(r) : null;
        if (name is null || source is null || destination is null)
            return null;
        return new JobDefinition
        {
            Name = name, Source = source, Destination = destination, Schedule = schedule, TimeZone = timeZone, Enabled = enabled,
            Overlap = overlap, CatchUp = catchUp, Retry = retry,
        };
    }

    private RetryPolicy? ParseRetry(JsonElement retry)
    {
        if (retry.ValueKind != JsonValueKind.Object)
        {
            Add("retry", "must be an object.");
            return null;
        }
        RejectUnknown(retry, "retry.", "maxAttempts", "firstRetryIntervalSeconds", "backoffCoefficient", "maxRetryIntervalSeconds");
        var defaults = RetryPolicy.Default;
        var maxAttempts = OptionalInt(retry, "maxAttempts", "retry.maxAttempts") ?? defaults.MaxAttempts;
        if (maxAttempts is < 1 or > 100)
            Add("retry.maxAttempts", "must be between 1 and 100.");
        var first = OptionalNumber(retry, "firstRetryIntervalSeconds", "retry.firstRetryIntervalSeconds", 0, 86_400) ?? defaults.FirstRetryIntervalSeconds;
        var coefficient = OptionalNumber(retry, "backoffCoefficient", "retry.backoffCoefficient", 1, 10) ?? defaults.BackoffCoefficient;
        var max = OptionalNumber(retry, "maxRetryIntervalSeconds", "retry.maxRetryIntervalSeconds", 0, 86_400) ?? defaults.MaxRetryIntervalSeconds;
        return new RetryPolicy(maxAttempts, first, coefficient, max);
    }

    private string? OneOf(JsonElement parent, string name, IReadOnlyList<string> allowed)
    {
        var value = OptionalString(parent, name, name);
        if (value is null)
            return null;
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            Add(name, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        return match;
    }

    private double? OptionalNumber(JsonElement parent, string name, string path, double min, double max)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= min && number <= max)
            return number;
        Add(path, $"must be a number between {min} and {max}.");
        return null;
    }

    private SourceDefinition? ParseSource(JsonElement source)
    {
        RejectUnknown(source, "source.", "type", "path", "sheet", "headerRow", "incremental");
        var type = OptionalString(source, "type", "source.type") ?? "excel";
        if (!type.Equals("excel", StringComparison.OrdinalIgnoreCase))
            Add("source.type", $"'{type}' is not supported; use 'excel'.");
        var path = RequiredString(source, "path", "source.path");
        if (path is not null)
        {
            if (StoragePaths.Validate(path) is { } problem)
                Add("source.path", $"{problem}.");
            else if (!ExcelExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase) || path.EndsWith(e[..^1] + "?", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xls*", StringComparison.OrdinalIgnoreCase)))
                Add("source.path", $"must name Excel workbooks ({string.Join(", ", ExcelExtensions)}), e.g. 'in/report.xlsx' or 'in/sales/*.xlsx'.");
        }
        string? sheet = null;
        if (source.TryGetProperty("sheet", out var sheetValue))
        {
            switch (sheetValue.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(sheetValue.GetString()):
                    sheet = sheetValue.GetString();
                    break;
                case JsonValueKind.Number when sheetValue.TryGetInt32(out var index) && index >= 1:
                    sheet = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    Add("source.sheet", "must be a sheet name or a 1-based sheet number.");
                    break;
            }
        }
        var headerRow = OptionalInt(source, "headerRow", "source.headerRow") ?? 1;
        if (headerRow is < 1 or > 1_048_576)
            Add("source.headerRow", "must be between 1 and 1048576.");
        var incremental = OptionalBool(source, "incremental", "source.incremental") ?? false;
        return path is null ? null : new SourceDefinition { Type = "excel", Path = path, Sheet = sheet, HeaderRow = headerRow, Incremental = incremental };
    }

    private DestinationDefinition? ParseDestination(JsonElement destination)
    {
        RejectUnknown(destination, "destination.", "path", "compression");
        var path = RequiredString(destination, "path", "destination.path");
        if (path is not null && StoragePaths.Validate(path) is { } problem)
            Add("destination.path", $"{problem}.");
        else if (path is not null && path.Replace('\\', '/').Split('/').All(s => s is "" or "."))
            Add("destination.path", "must name a folder below the storage root, not the root itself.");
        var compression = OptionalString(destination, "compression", "destination.compression") ?? "snappy";
        if (!CompressionNames.TryParse(compression, out _))
            Add("destination.compression", $"'{compression}' is not supported; use one of: {string.Join(", ", CompressionNames.All)}.");
        return path is null ? null : new DestinationDefinition { Path = path, Compression = compression.ToLowerInvariant() };
    }

    private void RejectUnknown(JsonElement element, string prefix, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                Add(prefix + property.Name, $"is not a known field; expected one of: {string.Join(", ", known)}.");
        }
    }

    private JsonElement? Object(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(path, "is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, "must be an object.");
            return null;
        }
        return value;
    }

    private string? RequiredString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(path, "is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Add(path, "must be a non-empty string.");
            return null;
        }
        return value.GetString()!.Trim();
    }

    private string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!.Trim();
        Add(path, "must be a non-empty string.");
        return null;
    }

    private int? OptionalInt(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        Add(path, "must be a whole number.");
        return null;
    }

    private bool? OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        Add(path, "must be true or false.");
        return null;
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }
}
