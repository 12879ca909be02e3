namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>Where a sheet reader puts the cells of a row as it reads them: a <see cref="RowBuffer"/>, or a batch's vectors directly.</summary>
internal interface ICellSink
{
    /// <summary>The next cell of the row, in the order the sheet stores it; blank values come too. The sink may change <paramref name="value"/>.</summary>
    void Put(int column, ref CellValue value);

    /// <summary>
    /// A number cell (t="n") whose text the sink may keep to parse later, in place of <see cref="Put"/>; false when
    /// it does not, and the reader interprets the cell and puts it.
    /// </summary>
    bool TryDeferNumber(int column, NumberFormatKind kind, ReadOnlySpan<byte> text);

    /// <summary>
    /// A shared-string cell (t="s") whose text, shared string <paramref name="index"/> (0-based, not empty), the sink
    /// may leave to the thread that takes the batch, in place of <see cref="Put"/>; false when it does not.
    /// </summary>
    bool TryDeferSharedText(int column, int index);
}
