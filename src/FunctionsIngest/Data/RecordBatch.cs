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

    public void Clear()
    {
        foreach (var column in Columns)
            column.Clear();
    }
}
