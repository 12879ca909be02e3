using System.Text.Json;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs;
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
        RejectUnknown(body, "", "name", "source", "destination", "schedule", "timeZone", "enabled");
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
        if (name is null || source is null || destination is null)
            return null;
        return new JobDefinition { Name = name, Source = source, Destination = destination, Schedule = schedule, TimeZone = timeZone, Enabled = enabled };
    }

    private SourceDefinition? ParseSource(JsonElement source)
    {
        RejectUnknown(source, "source.", "type", "path", "sheet", "headerRow");
        var type = OptionalString(source, "type", "source.type") ?? "excel";
        if (!type.Equals("excel", StringComparison.OrdinalIgnoreCase))
            Add("source.type", $"'{type}' is not supported; use 'excel'.");
        var path = RequiredString(source, "path", "source.path");
        if (path is not null)
        {
            if (StoragePaths.Validate(path) is { } problem)
                Add("source.path", $"{problem}.");
            else if (!ExcelExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                Add("source.path", $"must name an Excel workbook ({string.Join(", ", ExcelExtensions)}).");
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
        return path is null ? null : new SourceDefinition { Type = "excel", Path = path, Sheet = sheet, HeaderRow = headerRow };
    }

    private DestinationDefinition? ParseDestination(JsonElement destination)
    {
        RejectUnknown(destination, "destination.", "path", "compression");
        var path = RequiredString(destination, "path", "destination.path");
        if (path is not null && StoragePaths.Validate(path) is { } problem)
            Add("destination.path", $"{problem}.");
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
