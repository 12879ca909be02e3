using System.Text.Json.Serialization;
using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms.Specs;

/// <summary>
/// One column-level transform as a job carries it: plain JSON with a "type" discriminator, e.g.
/// {"type":"rename","from":"a","to":"b"}. Applied in order; each names columns as they are at its point in the list.
/// Enums are written as text whatever the serializer options, because job definitions are stored with plain web options.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SelectSpec), "select")]
[JsonDerivedType(typeof(RenameSpec), "rename")]
[JsonDerivedType(typeof(CastSpec), "cast")]
[JsonDerivedType(typeof(SplitSpec), "split")]
[JsonDerivedType(typeof(JoinSpec), "join")]
[JsonDerivedType(typeof(ConstantSpec), "constant")]
[JsonDerivedType(typeof(MetadataSpec), "metadata")]
[JsonDerivedType(typeof(FilterSpec), "filter")]
[JsonDerivedType(typeof(RequiredSpec), "required")]
[JsonDerivedType(typeof(RegexSpec), "regex")]
[JsonDerivedType(typeof(RangeSpec), "range")]
[JsonDerivedType(typeof(AllowedSpec), "allowed")]
public abstract record TransformSpec
{
    /// <summary>The discriminator, for messages ("rename", "cast"...).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>Keeps only the listed columns, in the listed order.</summary>
public sealed record SelectSpec(IReadOnlyList<string> Columns) : TransformSpec
{
    public override string Kind => "select";
}

/// <summary>Renames one column.</summary>
public sealed record RenameSpec(string From, string To) : TransformSpec
{
    public override string Kind => "rename";
}

/// <summary>What a cast does with a value that does not convert.</summary>
public enum CastErrorMode
{
    /// <summary>The row goes to the quarantine output with the reason (the default).</summary>
    Quarantine,
    /// <summary>The run fails with an error naming the row, column and value.</summary>
    Fail,
    /// <summary>The value becomes null.</summary>
    Null,
}

/// <summary>
/// Converts a column to a type in place. <see cref="Format"/>: a .NET format for dates/times/numbers (parsing text,
/// or rendering to String), "yes|no" for Boolean text; <see cref="Culture"/>: e.g. "fr-FR", null = invariant.
/// </summary>
public sealed record CastSpec(string Column, [property: JsonConverter(typeof(JsonStringEnumConverter<ColumnType>))] ColumnType To) : TransformSpec
{
    public override string Kind => "cast";
    public string? Format { get; init; }
    public string? Culture { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<CastErrorMode>))]
    public CastErrorMode OnError { get; init; } = CastErrorMode.Quarantine;
}

/// <summary>
/// Splits a text column by a delimiter into the named String columns, placed where the source was. The last column
/// takes the remainder; missing parts are null. The source is removed unless <see cref="KeepSource"/>.
/// </summary>
public sealed record SplitSpec(string Column, string Delimiter, IReadOnlyList<string> Into) : TransformSpec
{
    public override string Kind => "split";
    public bool KeepSource { get; init; }
}

/// <summary>
/// Joins columns' text with a separator into one String column (nulls skipped; all null => null), placed where the
/// first source was; the sources are removed unless <see cref="KeepSources"/> (then the new column goes last).
/// </summary>
public sealed record JoinSpec(IReadOnlyList<string> Columns, string Into) : TransformSpec
{
    public override string Kind => "join";
    public string Separator { get; init; } = "";
    public bool KeepSources { get; init; }
}

/// <summary>Adds a column holding one value (invariant text: numbers, true/false, ISO dates), appended last.</summary>
public sealed record ConstantSpec(string Column, [property: JsonConverter(typeof(ScalarTextConverter))] string? Value) : TransformSpec
{
    public override string Kind => "constant";
    [JsonConverter(typeof(JsonStringEnumConverter<ColumnType>))]
    public ColumnType ValueType { get; init; } = ColumnType.String;
}

/// <summary>Appends run metadata columns: "_run_id", "_ingested_at", "_source_file", "_sheet", "_row" (values from the TransformContext).</summary>
public sealed record MetadataSpec(IReadOnlyList<string> Columns) : TransformSpec
{
    public override string Kind => "metadata";
}
