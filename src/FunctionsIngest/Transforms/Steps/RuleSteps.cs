using System.Text.RegularExpressions;
using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>The validation rules: each live row whose value breaks the rule is quarantined with a reason naming column and value.</summary>
internal sealed class RuleStep(int index, string? origin, Func<ColumnVector, int, string?> check) : ITransformStep
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public void Apply(WorkBatch batch)
    {
        var column = batch.Columns[index];
        for (int r = 0; r < batch.RowCount; r++)
        {
            if (batch.IsAlive(r) && check(column, r) is { } reason)
                batch.Quarantine(r, reason, origin);
        }
    }

    public static RuleStep? Required(RequiredSpec spec, SchemaPlan plan) => Build(plan, spec.Column, null, name =>
        (c, r) => c.IsNull[r] || (c is StringVector s && string.IsNullOrWhiteSpace(s.Values[r])) ? IngestErrors.ReasonRequired(name) : null);

    public static RuleStep? Regex(RegexSpec spec, SchemaPlan plan)
    {
        Regex regex;
        try
        {
            regex = new Regex(spec.Pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            plan.Invalid($"the pattern is not a valid regular expression ({ex.Message}).");
            return null;
        }
        return Build(plan, spec.Column, ColumnType.String, name => (c, r) =>
        {
            if (c.IsNull[r])
                return null;
            var text = ((StringVector)c).Values[r]!;
            return regex.IsMatch(text) ? null : IngestErrors.ReasonPattern(name, text, spec.Pattern);
        });
    }

    public static RuleStep? Range(RangeSpec spec, SchemaPlan plan)
    {
        // Open input: resolve (or assume) the column first, so an unseen column is checked as untyped.
        int i = plan.Open ? plan.Require(spec.Column) : plan.Find(spec.Column);
        if (plan.Open && i < 0)
            return null;
        if (i >= 0 && !plan.Slots[i].Typed)
            return UntypedRange(spec, plan);
        var type = i >= 0 ? plan.Slots[i].Type : ColumnType.Int64;
        if (type is ColumnType.String or ColumnType.Boolean)
        {
            plan.Invalid($"column '{plan.Slots[i].Name}' is {type}; a range needs a number, date, timestamp or time column.");
            return null;
        }
        if (spec.Min is null && spec.Max is null)
            plan.Invalid("neither min nor max is given.");
        Scalar min = default, max = default;
        if (spec.Min is not null && !Scalar.TryParse(spec.Min, type, out min))
            plan.Invalid($"min '{spec.Min}' is not a valid {type}.");
        if (spec.Max is not null && !Scalar.TryParse(spec.Max, type, out max))
            plan.Invalid($"max '{spec.Max}' is not a valid {type}.");
        return Build(plan, spec.Column, null, name => (c, r) =>
        {
            if (c.IsNull[r])
                return null;
            var value = Scalar.At(c, r);
            if (spec.Min is not null && value.CompareTo(min) < 0)
                return IngestErrors.ReasonBelowMin(name, value.ToString(), spec.Min);
            if (spec.Max is not null && value.CompareTo(max) > 0)
                return IngestErrors.ReasonAboveMax(name, value.ToString(), spec.Max);
            return null;
        });
    }

    /// <summary>A range on a column of unknown type: each bound must be valid for one of the types a range accepts.</summary>
    private static RuleStep? UntypedRange(RangeSpec spec, SchemaPlan plan)
    {
        ColumnType[] ordered = [ColumnType.Int64, ColumnType.Double, ColumnType.Date, ColumnType.Timestamp, ColumnType.Time];
        if (spec.Min is null && spec.Max is null)
            plan.Invalid("neither min nor max is given.");
        foreach (var (bound, text) in new[] { ("min", spec.Min), ("max", spec.Max) })
        {
            if (text is not null && !ordered.Any(t => Scalar.TryParse(text, t, out _)))
                plan.Invalid($"{bound} '{text}' is not a number, date, timestamp or time.");
        }
        return null;
    }

    public static RuleStep? Allowed(AllowedSpec spec, SchemaPlan plan)
    {
        int i = plan.Find(spec.Column);
        var type = i >= 0 ? plan.Slots[i].Type : ColumnType.String;
        var allowed = new List<Scalar>();
        foreach (var text in spec.Values ?? [])
        {
            if (Scalar.TryParse(text, type, out var value))
                allowed.Add(value);
            else
                plan.Invalid($"the allowed value '{text}' is not a valid {type}.");
        }
        if (allowed.Count == 0)
            plan.Invalid("no allowed values are listed.");
        return Build(plan, spec.Column, null, name => (c, r) =>
        {
            if (c.IsNull[r])
                return null;
            var value = Scalar.At(c, r);
            return allowed.Exists(a => a.CompareTo(value) == 0) ? null : IngestErrors.ReasonNotAllowed(name, value.ToString());
        });
    }

    /// <summary>Resolves the column (and its required type); null after recording any error of this spec.</summary>
    private static RuleStep? Build(SchemaPlan plan, string column, ColumnType? requiredType, Func<string, Func<ColumnVector, int, string?>> check)
    {
        int errors = plan.Errors.Count;
        int i = plan.Require(column);
        if (i >= 0 && plan.Slots[i].Typed && requiredType is { } t && plan.Slots[i].Type != t)
            plan.Invalid($"column '{plan.Slots[i].Name}' is {plan.Slots[i].Type}; this rule needs {t}.");
        if (plan.Errors.Count > errors || i < 0)
            return null;
        var slot = plan.Slots[i];
        return new RuleStep(i, slot.Origin, check(slot.Name));
    }
}
