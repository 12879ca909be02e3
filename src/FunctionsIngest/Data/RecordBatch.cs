namespace FunctionsIngest.Data;

/// <summary>A slice of a table: one vector per schema column, all with <see cref="RowCount"/> rows.</summary>
public sealed class RecordBatch
{
    public RecordBatch(TableSchema schema, int capacity)
    {
        Schema = schema;
        Columns = schema.Columns.Select(c => ColumnVector.Create(c.Type, capacity)).ToArray();
    }

    public TableSchema Schema { get; }

    public ColumnVector[] Columns { get; }

    public int RowCount => Columns.Length == 0 ? 0 : Columns[0].Count;

    public int Capacity => Columns.Length == 0 ? 0 : Columns[0].Capacity;

    /// <summary>Makes this batch a copy of <paramref name="source"/>, a batch of the same schema with no more rows than this one's capacity.</summary>
    public void CopyFrom(RecordBatch source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Columns.Length != Columns.Length)
            throw new ArgumentException($"The source has {source.Columns.Length} columns; this batch has {Columns.Length}.", nameof(source));
        for (int i = 0; i < Columns.Length; i++)
            Columns[i].CopyFrom(source.Columns[i]);
    }

    public void Clear()
    {
        foreach (var column in Columns)
            column.Clear();
    }
}
