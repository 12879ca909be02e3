namespace FunctionsIngest.Data;

/// <summary>A column of fixed-width values: Int64, Timestamp and Time (long), Double, Boolean, Date (int days).</summary>
public sealed class PrimitiveVector<T> : ColumnVector where T : unmanaged
{
    public PrimitiveVector(ColumnType type, int capacity) : base(type, capacity)
    {
        Values = new T[capacity];
    }

    /// <summary>Values[i] for non-null rows; null rows hold default(T).</summary>
    public T[] Values { get; }

    public ReadOnlySpan<T> Span => Values.AsSpan(0, Count);

    public void Append(T value)
    {
        Values[Count] = value;
        Count++;
    }

    protected override void OnNullAppended() => Values[Count - 1] = default;

    protected override void CopyValues(ColumnVector source, int count) =>
        Array.Copy(((PrimitiveVector<T>)source).Values, Values, count);
}
