namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>A sheet read row by row, once, in ascending row order.</summary>
internal interface ISheetRowSource : IDisposable
{
    string SheetName { get; }

    /// <summary>Fills <paramref name="row"/> with the next row present in the sheet (ascending row numbers); false at the end.</summary>
    bool ReadRow(RowBuffer row);

    /// <summary>The shared string a cell's <see cref="CellValue.SharedIndex"/> points at.</summary>
    string SharedString(int sharedIndex);
}
