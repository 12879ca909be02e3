using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>constant: appends a column holding one value (or null) on every row.</summary>
internal sealed class ConstantStep(ColumnType type, Scalar? value) : ITransformStep
{
    private ColumnVector? _vector;

    public static ConstantStep? Compile(ConstantSpec spec, SchemaPlan plan)
    {
        if (!plan.CheckNew(spec.Column))
            return null;
        Scalar? value = null;
        if (spec.Value is not null)
        {
            if (!Scalar.TryParse(spec.Value, spec.ValueType, out var parsed))
            {
                plan.Invalid($"'{spec.Value}' is not a valid {spec.ValueType}.");
                return null;
            }
            value = parsed;
        }
        plan.Slots.Add(new Slot(spec.Column, spec.ValueType, value is null, null));
        return new ConstantStep(spec.ValueType, value);
    }

    public void Apply(WorkBatch batch)
    {
        var target = VectorOps.Ready(ref _vector, type, batch.Capacity);
        for (int r = 0; r < batch.RowCount; r++)
        {
            if (value is { } v)
                v.AppendTo(target);
            else
                target.AppendNull();
        }
        batch.Columns.Add(target);
    }
}

/// <summary>metadata: appends "_run_id", "_ingested_at", "_source_file", "_sheet" and/or "_row" from the context.</summary>
internal sealed class MetadataStep(string[] names) : ITransformStep
{
    private static readonly Dictionary<string, ColumnType> Known = new(StringComparer.Ordinal)
    {
        ["_run_id"] = ColumnType.String,
        ["_ingested_at"] = ColumnType.Timestamp,
        ["_source_file"] = ColumnType.String,
        ["_sheet"] = ColumnType.String,
        ["_row"] = ColumnType.Int64,
    };

    private readonly ColumnVector?[] _vectors = new ColumnVector?[names.Length];

    public static MetadataStep? Compile(MetadataSpec spec, SchemaPlan plan)
    {
        if (spec.Columns is not { Count: > 0 })
        {
            plan.Invalid("it lists no columns.");
            return null;
        }
        int errors = plan.Errors.Count;
        foreach (var name in spec.Columns)
        {
            if (!Known.TryGetValue(name, out var type))
                plan.Invalid($"'{name}' is not a metadata column; use {string.Join(", ", Known.Keys)}.");
            else if (plan.CheckNew(name))
                plan.Slots.Add(new Slot(name, type, name is "_sheet" or "_run_id" or "_source_file", null));
        }
        return plan.Errors.Count > errors ? null : new MetadataStep(spec.Columns.ToArray());
    }

    public void Apply(WorkBatch batch)
    {
        var c = batch.Context;
        for (int k = 0; k < names.Length; k++)
        {
            var target = VectorOps.Ready(ref _vectors[k], Known[names[k]], batch.Capacity);
            for (int r = 0; r < batch.RowCount; r++)
            {
                switch (names[k])
                {
                    case "_row": ((PrimitiveVector<long>)target).Append(batch.SourceRows[r]); break;
                    case "_ingested_at": ((PrimitiveVector<long>)target).Append((c.IngestedAt.UtcTicks - DateTime.UnixEpoch.Ticks) / 10); break;
                    default: AppendText((StringVector)target, names[k] switch { "_run_id" => c.RunId, "_source_file" => c.SourceFile, _ => c.Sheet }); break;
                }
            }
            batch.Columns.Add(target);
        }
    }

    private static void AppendText(StringVector target, string? value)
    {
        if (value is null)
            target.AppendNull();
        else
            target.Append(value);
    }
}
