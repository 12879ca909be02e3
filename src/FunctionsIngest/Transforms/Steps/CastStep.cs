using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>cast: replaces a column by its values converted to another type; failures follow <see cref="CastSpec.OnError"/>.</summary>
internal sealed class CastStep(int index, string name, string? origin, ValueCast cast, CastSpec spec) : ITransformStep
{
    private ColumnVector? _vector;

    public static CastStep? Compile(CastSpec spec, SchemaPlan plan)
    {
        int i = plan.Require(spec.Column);
        if (i < 0)
            return null;
        var slot = plan.Slots[i];
        if (!TextCultures.TryResolve(spec.Culture, out var culture))
        {
            plan.Invalid($"the culture '{spec.Culture}' is not known.");
            return null;
        }
        if (slot.Typed && !ValueCast.Supported(slot.Type, spec.To))
        {
            plan.Invalid($"column '{slot.Name}' cannot be cast from {slot.Type} to {spec.To}.");
            return null;
        }
        plan.Slots[i] = slot with { Type = spec.To, Nullable = slot.Nullable || spec.OnError == CastErrorMode.Null, Typed = true };
        return new CastStep(i, slot.Name, slot.Origin, new ValueCast(slot.Type, spec.To, spec.Format, culture), spec);
    }

    public void Apply(WorkBatch batch)
    {
        var source = batch.Columns[index];
        var target = VectorOps.Ready(ref _vector, spec.To, batch.Capacity);
        var rows = batch.SourceRows;
        for (int r = 0; r < batch.RowCount; r++)
        {
            if (!batch.IsAlive(r) || source.IsNull[r])
            {
                target.AppendNull();
                continue;
            }
            if (cast.TryAppend(source, r, target))
                continue;
            var text = ValueText.Render(source, r);
            if (spec.OnError == CastErrorMode.Fail)
                throw IngestErrors.CastFailed(rows[r], name, text, spec.To);
            target.AppendNull();
            if (spec.OnError == CastErrorMode.Quarantine)
                batch.Quarantine(r, IngestErrors.ReasonCastFailed(name, text, spec.To), origin);
        }
        batch.Columns[index] = target;
    }
}
