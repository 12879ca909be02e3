namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>Puts a reader's cells into a <see cref="RowBuffer"/> (a struct, so the reader's loop is compiled for it).</summary>
internal readonly struct RowBufferSink(RowBuffer row) : ICellSink
{
    public void Put(int column, ref CellValue value) => row.Put(column, value);

    public bool TryDeferNumber(int column, NumberFormatKind kind, ReadOnlySpan<byte> text) => false;

    public bool TryDeferSharedText(int column, int index) => false;
}
