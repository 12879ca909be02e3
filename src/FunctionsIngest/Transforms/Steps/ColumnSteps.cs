using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>select: keeps the listed columns in the listed order (a reordering of references, no copying).</summary>
internal sealed class SelectStep(int[] map) : ITransformStep
{
    public static SelectStep? Compile(SelectSpec spec, SchemaPlan plan)
    {
        if (spec.Columns is not { Count: > 0 })
        {
            plan.Invalid("it lists no columns.");
            return null;
        }
        var map = spec.Columns.Select(plan.Require).ToArray();
        if (map.Contains(-1))
            return null;
        if (map.Distinct().Count() != map.Length)
        {
            plan.Invalid("a column is listed more than once.");
            return null;
        }
        var kept = map.Select(i => plan.Slots[i]).ToList();
        plan.Open = false; // after a select, the columns are exactly the listed ones
        plan.Slots.Clear();
        plan.Slots.AddRange(kept);
        return new SelectStep(map);
    }

    public void Apply(WorkBatch batch)
    {
        var kept = map.Select(i => batch.Columns[i]).ToArray();
        batch.Columns.Clear();
        batch.Columns.AddRange(kept);
    }
}

/// <summary>rename: changes a column's name only in the schema; the data is untouched, so it compiles to no step.</summary>
internal static class RenameStep
{
    public static ITransformStep? Compile(RenameSpec spec, SchemaPlan plan)
    {
        int i = plan.Require(spec.From);
        if (i >= 0 && plan.CheckNew(spec.To, except: i))
            plan.Slots[i] = plan.Slots[i] with { Name = spec.To };
        return null;
    }
}
