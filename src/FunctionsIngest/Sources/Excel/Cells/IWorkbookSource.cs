namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>An open workbook: its worksheets in tab order and a row source per sheet. Disposing releases the file.</summary>
internal interface IWorkbookSource : IDisposable
{
    /// <summary>The file's name as used in messages.</summary>
    string File { get; }

    IReadOnlyList<SheetEntry> Sheets { get; }

    /// <summary>The workbook counts dates from 1904 (numbers converted to dates by a schema override use it).</summary>
    bool Date1904 { get; }

    ISheetRowSource Open(SheetEntry sheet);

    string SharedString(int sharedIndex);
}
