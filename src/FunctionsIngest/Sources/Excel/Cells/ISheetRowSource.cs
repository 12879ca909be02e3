namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>A sheet read row by row, once, in ascending row order.</summary>
internal interface ISheetRowSource : IDisposable
{
    string SheetName { get; }

    /// <summary>Set before the first row: when true, <see cref="RowBuffer.Hidden"/> tells hidden rows apart.</summary>
    bool ReportHiddenRows { get; set; }

    /// <summary>Fills <paramref name="row"/> with the next row present in the sheet (ascending row numbers); false at the end.</summary>
    bool ReadRow(RowBuffer row);

    /// <summary>
    /// The sheet's merged ranges. Call once, after the last row wanted: rows not yet read are skipped, since
    /// .xlsx stores mergeCells after sheetData.
    /// </summary>
    IReadOnlyList<MergedRange> ReadMergedRanges();

    /// <summary>The shared string a cell's <see cref="CellValue.SharedIndex"/> points at.</summary>
    string SharedString(int sharedIndex);

    /// <summary>The same lookup for use on another thread while this source reads on (its own cache).</summary>
    Func<int, string> SharedStringsForAnotherThread();
}
