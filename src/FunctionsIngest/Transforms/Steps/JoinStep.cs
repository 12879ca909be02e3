using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>join: several columns' text, nulls skipped, into one String column (null when every source is null).</summary>
internal sealed class JoinStep(int[] sources, string separator, bool keepSources) : ITransformStep
{
    private ColumnVector? _vector;
    private readonly StringBuilder _text = new();

    public static JoinStep? Compile(JoinSpec spec, SchemaPlan plan)
    {
        if (spec.Columns is not { Count: > 0 })
        {
            plan.Invalid("it lists no columns.");
            return null;
        }
        var sources = spec.Columns.Select(plan.Require).ToArray();
        if (sources.Contains(-1))
            return null;
        var except = !spec.KeepSources && sources.Any(s => string.Equals(plan.Slots[s].Name, spec.Into, StringComparison.OrdinalIgnoreCase))
            ? plan.Find(spec.Into) : -1;
        if (!plan.CheckNew(spec.Into, except))
            return null;
        var slot = new Slot(spec.Into, ColumnType.String, true, plan.Slots[sources[0]].Origin);
        Place(plan.Slots, sources, slot, spec.KeepSources);
        return new JoinStep(sources, spec.Separator ?? "", spec.KeepSources);
    }

    /// <summary>Sources removed and the result at the first source's place, or the result appended when sources are kept.</summary>
    private static void Place<T>(List<T> list, int[] sources, T item, bool keep)
    {
        if (keep)
        {
            list.Add(item);
            return;
        }
        int first = sources.Min();
        foreach (int s in sources.Distinct().OrderByDescending(s => s))
            list.RemoveAt(s);
        list.Insert(first, item);
    }

    public void Apply(WorkBatch batch)
    {
        var target = (StringVector)VectorOps.Ready(ref _vector, ColumnType.String, batch.Capacity);
        var columns = sources.Select(s => batch.Columns[s]).ToArray();
        for (int r = 0; r < batch.RowCount; r++)
        {
            _text.Clear();
            bool any = false;
            foreach (var column in columns)
            {
                if (column.IsNull[r] || !batch.IsAlive(r))
                    continue;
                if (any)
                    _text.Append(separator);
                _text.Append(ValueText.Render(column, r));
                any = true;
            }
            if (any)
                target.Append(_text.ToString());
            else
                target.AppendNull();
        }
        Place(batch.Columns, sources, target, keepSources);
    }
}
