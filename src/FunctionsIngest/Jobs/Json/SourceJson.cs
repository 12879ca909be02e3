using System.Text.Json;
using FunctionsIngest.Data;

namespace FunctionsIngest.Jobs.Json;

/// <summary>
/// The "source" object of a job's JSON: flat settings, each checked for its JSON type here and for its value by the
/// validator. A setting of another source type is rejected with a message saying which type it belongs to.
/// </summary>
public static class SourceJson
{
    public static SourceDefinition? Parse(JsonElement source, JsonFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var path = fields.RequiredString(source, "path", "source.path");
        var type = fields.OptionalString(source, "type", "source.type")?.ToLowerInvariant() ?? SourceTypes.FromPath(path ?? "");
        RejectOtherSettings(source, type, fields);
        var definition = new SourceDefinition
        {
            Type = type,
            Path = path ?? "",
            Incremental = fields.OptionalBool(source, "incremental", "source.incremental") ?? false,
            Schema = ParseSchema(source, fields),
            Sheet = JsonFields.IsPresent(source, "sheet", out var sheet) ? fields.NameOrNumber(sheet, "source.sheet", "a sheet name or a 1-based sheet number") : null,
            Sheets = ParseSheets(source, fields),
            HeaderRow = ParseHeaderRow(source, fields),
            Range = fields.OptionalString(source, "range", "source.range"),
            IncludeHiddenSheets = fields.OptionalBool(source, "includeHiddenSheets", "source.includeHiddenSheets"),
            IncludeHiddenRows = fields.OptionalBool(source, "includeHiddenRows", "source.includeHiddenRows"),
            FillMergedCells = fields.OptionalBool(source, "fillMergedCells", "source.fillMergedCells"),
            NormalizeHeaders = fields.OptionalBool(source, "normalizeHeaders", "source.normalizeHeaders"),
            Delimiter = fields.OptionalRawString(source, "delimiter", "source.delimiter"),
            Quote = fields.OptionalRawString(source, "quote", "source.quote"),
            Escape = fields.OptionalRawString(source, "escape", "source.escape"),
            HasHeader = fields.OptionalBool(source, "hasHeader", "source.hasHeader"),
            SkipRows = fields.OptionalInt(source, "skipRows", "source.skipRows"),
            Encoding = fields.OptionalString(source, "encoding", "source.encoding"),
            Culture = fields.OptionalString(source, "culture", "source.culture"),
            Layout = fields.OptionalString(source, "layout", "source.layout")?.ToLowerInvariant(),
        };
        return path is null ? null : definition;
    }

    private static void RejectOtherSettings(JsonElement source, string type, JsonFields fields)
    {
        var all = SourceTypes.CommonSettings.Concat(SourceTypes.TypeSettings.Values.SelectMany(s => s)).ToArray();
        fields.RejectUnknown(source, "source.", all);
        if (!SourceTypes.TypeSettings.ContainsKey(type))
            return; // the validator reports the unknown type
        foreach (var (otherType, settings) in SourceTypes.TypeSettings)
        {
            if (otherType == type)
                continue;
            foreach (var setting in settings.Where(s => JsonFields.IsPresent(source, s, out _)))
                fields.Errors.Add("source." + setting, IngestErrors.SettingNotForType(setting, type, otherType));
        }
    }

    /// <summary>A number, "auto" (null), or absent (row 1).</summary>
    private static int? ParseHeaderRow(JsonElement source, JsonFields fields)
    {
        if (!JsonFields.IsPresent(source, "headerRow", out var value))
            return 1;
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var row))
            return row;
        fields.Errors.Add("source.headerRow", "must be a row number (1-based) or \"auto\".");
        return 1;
    }

    private static IReadOnlyList<string>? ParseSheets(JsonElement source, JsonFields fields)
    {
        if (fields.OptionalArray(source, "sheets", "source.sheets") is not { } array)
            return null;
        return array.EnumerateArray()
            .Select((s, i) => fields.NameOrNumber(s, $"source.sheets[{i}]", "a sheet name, a 1-based sheet number or a pattern") ?? "")
            .ToArray();
    }

    private static IReadOnlyList<SchemaColumn>? ParseSchema(JsonElement source, JsonFields fields)
    {
        if (fields.OptionalArray(source, "schema", "source.schema") is not { } array)
            return null;
        var columns = new List<SchemaColumn>();
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"source.schema[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                fields.Errors.Add(at, "must be an object with name, type and optionally format and nullable.");
                continue;
            }
            fields.RejectUnknown(item, at + ".", ["name", "type", "format", "nullable"]);
            var name = fields.RequiredString(item, "name", at + ".name");
            var typeName = fields.RequiredString(item, "type", at + ".type");
            ColumnType type = default;
            if (typeName is not null && (!Enum.TryParse(typeName, ignoreCase: true, out type) || !char.IsAsciiLetter(typeName[0])))
                fields.Errors.Add(at + ".type", $"'{typeName}' is not a column type; use one of: {string.Join(", ", Enum.GetNames<ColumnType>().Select(n => n.ToLowerInvariant()))}.");
            var format = fields.OptionalRawString(item, "format", at + ".format");
            var nullable = fields.OptionalBool(item, "nullable", at + ".nullable") ?? true;
            if (name is not null)
                columns.Add(new SchemaColumn(name, type, format, nullable));
        }
        return columns;
    }
}
