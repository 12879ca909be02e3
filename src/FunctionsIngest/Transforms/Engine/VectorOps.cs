using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>Row copies between vectors of the same type, and vectors sized for a batch.</summary>
internal static class VectorOps
{
    public static void CopyRow(ColumnVector source, int row, ColumnVector target)
    {
        if (source.IsNull[row])
        {
            target.AppendNull();
            return;
        }
        switch (source)
        {
            case StringVector s: ((StringVector)target).Append(s.Values[row]!); break;
            case PrimitiveVector<long> l: ((PrimitiveVector<long>)target).Append(l.Values[row]); break;
            case PrimitiveVector<double> d: ((PrimitiveVector<double>)target).Append(d.Values[row]); break;
            case PrimitiveVector<bool> b: ((PrimitiveVector<bool>)target).Append(b.Values[row]); break;
            case PrimitiveVector<int> i: ((PrimitiveVector<int>)target).Append(i.Values[row]); break;
            default: throw new InvalidOperationException($"Unexpected vector {source.GetType().Name}.");
        }
    }

    /// <summary>A cleared vector of <paramref name="type"/> holding at least <paramref name="capacity"/> rows, reusing <paramref name="existing"/> when it fits.</summary>
    public static ColumnVector Ready(ref ColumnVector? existing, ColumnType type, int capacity)
    {
        if (existing is null || existing.Capacity < capacity)
            existing = ColumnVector.Create(type, capacity);
        else
            existing.Clear();
        return existing;
    }

    /// <summary>A cleared batch of <paramref name="schema"/> holding at least <paramref name="capacity"/> rows.</summary>
    public static RecordBatch Ready(ref RecordBatch? existing, TableSchema schema, int capacity)
    {
        if (existing is null || existing.Capacity < capacity)
            existing = new RecordBatch(schema, Math.Max(capacity, 1));
        else
            existing.Clear();
        return existing;
    }
}
