using System.Text.Json;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
using FunctionsIngest.Jobs.Json;
using FunctionsIngest.Jobs.Validation;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Storage;

namespace FunctionsIngest.App.Endpoints;

/// <summary>
/// Turns a job's JSON body into a <see cref="JobDefinition"/>, collecting every problem by field path
/// ("source.path") instead of stopping at the first. Unknown fields are errors, so typos surface. The values of
/// source settings, transforms and quarantine are judged afterwards by <see cref="JobValidator"/>.
/// </summary>
public sealed class JobRequestParser
{
    private static readonly string[] JobFields =
        ["name", "source", "transforms", "quarantine", "destination", "schedule", "timeZone", "enabled", "overlap", "catchUp", "retry"];

    private readonly FieldErrors _errors = new();
    private readonly JsonFields _fields;

    private JobRequestParser() => _fields = new JsonFields(_errors);

    public static (JobDefinition? Job, IDictionary<string, string[]> Errors) Parse(JsonElement body)
    {
        var parser = new JobRequestParser();
        var job = parser.ParseJob(body);
        var errors = parser._errors.ToDictionary().ToDictionary(e => e.Key, e => e.Value);
        return errors.Count == 0 ? (job, errors) : (null, errors);
    }

    private JobDefinition? ParseJob(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            _errors.Add("$", "The body must be a JSON object describing the job.");
            return null;
        }
        _fields.RejectUnknown(body, "", JobFields);
        var name = _fields.RequiredString(body, "name", "name");
        if (name is { Length: > 200 })
            _errors.Add("name", "must be at most 200 characters.");
        var source = Object(body, "source") is { } s ? SourceJson.Parse(s, _fields) : null;
        if (source is not null)
            ReportSettingValues(source);
        var transforms = TransformsJson.Parse(body, _fields);
        var quarantine = TransformsJson.ParseQuarantine(body, _fields);
        var destination = Object(body, "destination") is { } d ? ParseDestination(d) : null;
        var schedule = _fields.OptionalString(body, "schedule", "schedule");
        if (schedule is not null && CronSchedule.Validate(schedule) is { } cronError)
            _errors.Add("schedule", cronError);
        var timeZone = _fields.OptionalString(body, "timeZone", "timeZone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            _errors.Add("timeZone", $"'{timeZone}' is not a known IANA time zone (e.g. 'Europe/Paris', 'UTC').");
        var enabled = _fields.OptionalBool(body, "enabled", "enabled") ?? true;
        var overlap = OneOf(body, "overlap", OverlapPolicies.All) ?? OverlapPolicies.Skip;
        var catchUp = OneOf(body, "catchUp", CatchUpPolicies.Values) ?? CatchUpPolicies.Once;
        var retry = JsonFields.IsPresent(body, "retry", out var r) ? ParseRetry(r) : null;
        if (name is null || source is null || destination is null)
            return null;
        return new JobDefinition
        {
            Name = name, Source = source, Transforms = transforms is { Count: > 0 } ? transforms : null, Quarantine = quarantine,
            Destination = destination, Schedule = schedule, TimeZone = timeZone, Enabled = enabled, Overlap = overlap, CatchUp = catchUp, Retry = retry,
        };
    }

    /// <summary>The source's values judged now too, so one response lists every problem; fields already reported keep their message.</summary>
    private void ReportSettingValues(SourceDefinition source)
    {
        var reported = _errors.ToDictionary();
        foreach (var (field, messages) in JobValidator.CheckSourceSettings(source))
        {
            if (reported.ContainsKey(field))
                continue;
            foreach (var message in messages)
                _errors.Add(field, message);
        }
    }

    private RetryPolicy? ParseRetry(JsonElement retry)
    {
        if (retry.ValueKind != JsonValueKind.Object)
        {
            _errors.Add("retry", "must be an object.");
            return null;
        }
        _fields.RejectUnknown(retry, "retry.", ["maxAttempts", "firstRetryIntervalSeconds", "backoffCoefficient", "maxRetryIntervalSeconds"]);
        var defaults = RetryPolicy.Default;
        var maxAttempts = _fields.OptionalInt(retry, "maxAttempts", "retry.maxAttempts") ?? defaults.MaxAttempts;
        if (maxAttempts is < 1 or > 100)
            _errors.Add("retry.maxAttempts", "must be between 1 and 100.");
        var first = OptionalNumber(retry, "firstRetryIntervalSeconds", "retry.firstRetryIntervalSeconds", 0, 86_400) ?? defaults.FirstRetryIntervalSeconds;
        var coefficient = OptionalNumber(retry, "backoffCoefficient", "retry.backoffCoefficient", 1, 10) ?? defaults.BackoffCoefficient;
        var max = OptionalNumber(retry, "maxRetryIntervalSeconds", "retry.maxRetryIntervalSeconds", 0, 86_400) ?? defaults.MaxRetryIntervalSeconds;
        return new RetryPolicy(maxAttempts, first, coefficient, max);
    }

    private string? OneOf(JsonElement parent, string name, IReadOnlyList<string> allowed)
    {
        var value = _fields.OptionalString(parent, name, name);
        if (value is null)
            return null;
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            _errors.Add(name, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        return match;
    }

    private double? OptionalNumber(JsonElement parent, string name, string path, double min, double max)
    {
        if (!JsonFields.IsPresent(parent, name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= min && number <= max)
            return number;
        _errors.Add(path, $"must be a number between {min} and {max}.");
        return null;
    }

    private DestinationDefinition? ParseDestination(JsonElement destination)
    {
        _fields.RejectUnknown(destination, "destination.", ["path", "compression"]);
        var path = _fields.RequiredString(destination, "path", "destination.path");
        if (path is not null && StoragePaths.Validate(path) is { } problem)
            _errors.Add("destination.path", $"{problem}.");
        else if (path is not null && path.Replace('\\', '/').Split('/').All(s => s is "" or "."))
            _errors.Add("destination.path", "must name a folder below the storage root, not the root itself.");
        var compression = _fields.OptionalString(destination, "compression", "destination.compression") ?? "snappy";
        if (!CompressionNames.TryParse(compression, out _))
            _errors.Add("destination.compression", $"'{compression}' is not supported; use one of: {string.Join(", ", CompressionNames.All)}.");
        return path is null ? null : new DestinationDefinition { Path = path, Compression = compression.ToLowerInvariant() };
    }

    private JsonElement? Object(JsonElement parent, string name)
    {
        if (!JsonFields.IsPresent(parent, name, out var value))
        {
            _errors.Add(name, "is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(name, "must be an object.");
            return null;
        }
        return value;
    }
}
