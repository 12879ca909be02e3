using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>split: one text column into N String columns by a delimiter (the last takes the remainder, missing parts are null).</summary>
internal sealed class SplitStep(int index, string delimiter, int parts, bool keepSource) : ITransformStep
{
    private readonly ColumnVector?[] _vectors = new ColumnVector?[parts];

    public static SplitStep? Compile(SplitSpec spec, SchemaPlan plan)
    {
        int i = plan.Require(spec.Column);
        if (i < 0)
            return null;
        var slot = plan.Slots[i];
        bool text = slot.Type == ColumnType.String || !slot.Typed;
        if (!text)
            plan.Invalid($"column '{slot.Name}' is {slot.Type}; only String columns can be split.");
        if (string.IsNullOrEmpty(spec.Delimiter))
            plan.Invalid("the delimiter is empty.");
        if (spec.Into is not { Count: > 0 })
            plan.Invalid("'into' lists no columns.");
        else if (spec.Into.Distinct(StringComparer.OrdinalIgnoreCase).Count() != spec.Into.Count)
            plan.Invalid("'into' names a column more than once.");
        int errors = plan.Errors.Count;
        foreach (var name in spec.Into ?? [])
            plan.CheckNew(name, except: spec.KeepSource ? -1 : i);
        if (plan.Errors.Count > errors || !text || string.IsNullOrEmpty(spec.Delimiter) || spec.Into is not { Count: > 0 })
            return null;
        var added = spec.Into.Select(n => new Slot(n, ColumnType.String, true, slot.Origin));
        if (!spec.KeepSource)
            plan.Slots.RemoveAt(i);
        plan.Slots.InsertRange(spec.KeepSource ? i + 1 : i, added);
        return new SplitStep(i, spec.Delimiter, spec.Into.Count, spec.KeepSource);
    }

    public void Apply(WorkBatch batch)
    {
        var source = (StringVector)batch.Columns[index];
        var targets = new StringVector[parts];
        for (int p = 0; p < parts; p++)
            targets[p] = (StringVector)VectorOps.Ready(ref _vectors[p], ColumnType.String, batch.Capacity);
        for (int r = 0; r < batch.RowCount; r++)
        {
            var text = batch.IsAlive(r) ? source.Values[r] : null;
            var pieces = text?.Split(delimiter, parts) ?? [];
            for (int p = 0; p < parts; p++)
            {
                if (p < pieces.Length)
                    targets[p].Append(pieces[p]);
                else
                    targets[p].AppendNull();
            }
        }
        if (!keepSource)
            batch.Columns.RemoveAt(index);
        batch.Columns.InsertRange(keepSource ? index + 1 : index, targets);
    }
}
