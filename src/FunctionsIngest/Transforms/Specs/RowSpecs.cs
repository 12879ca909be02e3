using System.Text.Json.Serialization;

namespace FunctionsIngest.Transforms.Specs;

/// <summary>
/// Keeps the rows where "column op value" holds; others are dropped (counted, not quarantined). Ops: = != &lt; &lt;= &gt; &gt;=
/// (typed comparison, value in invariant text), contains and startsWith (ordinal, String columns), isNull, notNull.
/// A null value satisfies only isNull (and !=, which is "not equal to the value").
/// </summary>
public sealed record FilterSpec(string Column, string Op) : TransformSpec
{
    public override string Kind => "filter";

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Value { get; init; }
}

/// <summary>Validation: rows whose value is null (or blank text) go to quarantine.</summary>
public sealed record RequiredSpec(string Column) : TransformSpec
{
    public override string Kind => "required";
}

/// <summary>Validation: rows whose text does not match the .NET regular expression go to quarantine (nulls pass).</summary>
public sealed record RegexSpec(string Column, string Pattern) : TransformSpec
{
    public override string Kind => "regex";
}

/// <summary>Validation: rows whose value is outside [min, max] (inclusive; either may be omitted) go to quarantine (nulls pass).</summary>
public sealed record RangeSpec(string Column) : TransformSpec
{
    public override string Kind => "range";

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Min { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Max { get; init; }
}

/// <summary>Validation: rows whose value is not one of the listed values go to quarantine (nulls pass; text compared ordinally).</summary>
public sealed record AllowedSpec(string Column, IReadOnlyList<string> Values) : TransformSpec
{
    public override string Kind => "allowed";
}
