namespace FunctionsIngest.Data;

/// <summary>
/// The values of one column for the rows of a batch: a typed array plus a null mask, never an
/// object per cell. Vectors are reused between batches (<see cref="Clear"/>).
/// </summary>
public abstract class ColumnVector
{
    protected ColumnVector(ColumnType type, int capacity)
    {
        Type = type;
        IsNull = new bool[capacity];
    }

    public ColumnType Type { get; }

    public int Count { get; protected set; }

    public int Capacity => IsNull.Length;

    /// <summary>IsNull[i] is true when row i holds no value; only the first <see cref="Count"/> entries count.</summary>
    public bool[] IsNull { get; }

    public int NullCount { get; private set; }

    public void AppendNull()
    {
        IsNull[Count] = true;
        NullCount++;
        Count++;
        OnNullAppended();
    }

    /// <summary>
    /// Appends a non-null row and leaves its value slot as it is, for a reader that sets it before anyone reads the
    /// vector (a value parsed on another thread). Saves the store and, for text, the reference write.
    /// </summary>
    internal void AppendUnset() => Count++;

    public void Clear()
    {
        Array.Clear(IsNull, 0, Count);
        Count = 0;
        NullCount = 0;
    }

    protected abstract void OnNullAppended();

    /// <summary>Makes this vector hold the same rows as <paramref name="source"/> (same type, capacity at least its count).</summary>
    public void CopyFrom(ColumnVector source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.GetType() != GetType() || source.Type != Type)
            throw new ArgumentException($"Cannot copy a {source.Type} vector into a {Type} vector.", nameof(source));
        if (source.Count > Capacity)
            throw new ArgumentException($"The source holds {source.Count} rows; this vector holds at most {Capacity}.", nameof(source));
        Array.Copy(source.IsNull, IsNull, source.Count);
        if (Count > source.Count)
            Array.Clear(IsNull, source.Count, Count - source.Count); // appends past the copied rows expect false
        CopyValues(source, source.Count);
        Count = source.Count;
        NullCount = source.NullCount;
    }

    protected abstract void CopyValues(ColumnVector source, int count);

    /// <summary>A vector of the type's storage (long, double, bool, int days, long micros, string).</summary>
    public static ColumnVector Create(ColumnType type, int capacity) => type switch
    {
        ColumnType.String => new StringVector(capacity),
        ColumnType.Int64 => new PrimitiveVector<long>(type, capacity),
        ColumnType.Double => new PrimitiveVector<double>(type, capacity),
        ColumnType.Boolean => new PrimitiveVector<bool>(type, capacity),
        ColumnType.Date => new PrimitiveVector<int>(type, capacity),
        ColumnType.Timestamp => new PrimitiveVector<long>(type, capacity),
        ColumnType.Time => new PrimitiveVector<long>(type, capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
