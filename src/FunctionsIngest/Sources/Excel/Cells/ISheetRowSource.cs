namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>A sheet read row by row, restartable so the table reader can make a typing pass and then a filling pass.</summary>
internal interface ISheetRowSource : IDisposable
{
    string SheetName { get; }

    /// <summary>Fills <paramref name="row"/> with the next row present in the sheet (ascending row numbers); false at the end.</summary>
    bool ReadRow(RowBuffer row);

    /// <summary>Starts again from the first row.</summary>
    void Restart();
}
