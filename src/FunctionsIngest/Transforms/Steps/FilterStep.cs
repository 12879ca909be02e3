using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>filter: drops the rows where "column op value" does not hold.</summary>
internal sealed class FilterStep(int index, string op, Scalar value) : ITransformStep
{
    private static readonly string[] Ops = ["=", "!=", "<", "<=", ">", ">=", "contains", "startsWith", "isNull", "notNull"];

    public static FilterStep? Compile(FilterSpec spec, SchemaPlan plan)
    {
        int i = plan.Require(spec.Column);
        if (!Ops.Contains(spec.Op, StringComparer.Ordinal))
        {
            plan.Invalid($"the operator '{spec.Op}' is not known; use {string.Join(" ", Ops)}.");
            return null;
        }
        if (i < 0)
            return null;
        var type = plan.Slots[i].Type;
        if (spec.Op is "isNull" or "notNull")
            return new FilterStep(i, spec.Op, default);
        if (!plan.Slots[i].Typed)
            return UntypedCheck(spec, plan);
        if (spec.Op is "contains" or "startsWith" && type != ColumnType.String)
        {
            plan.Invalid($"'{spec.Op}' needs a String column; '{plan.Slots[i].Name}' is {type}.");
            return null;
        }
        if (spec.Value is null || !Scalar.TryParse(spec.Value, type, out var value))
        {
            plan.Invalid($"the value '{spec.Value}' is not a valid {type} for column '{plan.Slots[i].Name}'.");
            return null;
        }
        return new FilterStep(i, spec.Op, value);
    }

    /// <summary>Only what holds whatever the column's type: a value is given. The step is for checking, never run.</summary>
    private static FilterStep? UntypedCheck(FilterSpec spec, SchemaPlan plan)
    {
        if (spec.Value is null)
            plan.Invalid($"the operator '{spec.Op}' needs a value.");
        return null;
    }

    public void Apply(WorkBatch batch)
    {
        var column = batch.Columns[index];
        for (int r = 0; r < batch.RowCount; r++)
        {
            if (batch.IsAlive(r) && !Holds(column, r))
                batch.Filter(r);
        }
    }

    private bool Holds(ColumnVector column, int r)
    {
        if (column.IsNull[r])
            return op is "isNull" or "!=";
        if (op is "isNull" or "notNull")
            return op == "notNull";
        var cell = Scalar.At(column, r);
        return op switch
        {
            "contains" => cell.Text!.Contains(value.Text!, StringComparison.Ordinal),
            "startsWith" => cell.Text!.StartsWith(value.Text!, StringComparison.Ordinal),
            "=" => cell.CompareTo(value) == 0,
            "!=" => cell.CompareTo(value) != 0,
            "<" => cell.CompareTo(value) < 0,
            "<=" => cell.CompareTo(value) <= 0,
            ">" => cell.CompareTo(value) > 0,
            _ => cell.CompareTo(value) >= 0,
        };
    }
}
