namespace FunctionsIngest.Data;

/// <summary>A column of text values; a null row holds a null reference.</summary>
public sealed class StringVector : ColumnVector
{
    public StringVector(int capacity) : base(ColumnType.String, capacity)
    {
        Values = new string?[capacity];
    }

    public string?[] Values { get; }

    public ReadOnlySpan<string?> Span => Values.AsSpan(0, Count);

    public void Append(string value)
    {
        Values[Count] = value;
        Count++;
    }

    protected override void OnNullAppended() => Values[Count - 1] = null;

    protected override void CopyValues(ColumnVector source, int count)
    {
        Array.Copy(((StringVector)source).Values, Values, count);
        if (Count > count)
            Array.Clear(Values, count, Count - count); // drop references to the previous batch's strings
    }
}
