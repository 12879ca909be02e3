namespace FunctionsIngest.Sources.Excel.Layout;

/// <summary>What pass 1 needs to know about where the table is in each sheet, from <see cref="ExcelReadOptions"/>.</summary>
/// <param name="Window">The range read (the whole sheet without <see cref="ExcelReadOptions.Range"/>).</param>
/// <param name="HeaderRow">Absolute 1-based header row; null = detect it inside the window.</param>
/// <param name="SkipHiddenRows">Leave out data rows hidden in the sheet.</param>
/// <param name="FillMergedCells">Collect the merged ranges so their value can be repeated.</param>
internal sealed record SheetScanPlan(SheetWindow Window, int? HeaderRow, bool SkipHiddenRows, bool FillMergedCells)
{
    /// <summary>Data rows profiled on the scanning thread before a helper thread takes over (see <c>ProfileRelay</c>).</summary>
    public int HelperAfterRows { get; init; } = 4096;

    public static SheetScanPlan From(ExcelReadOptions options, string file)
    {
        var window = SheetWindow.Parse(options.Range, file);
        int? header = null;
        if (options.HeaderRow is int relative)
        {
            // With a range, HeaderRow counts from the range's first row (1 = its first row, the default).
            long absolute = (long)window.FirstRow + relative - 1;
            if (absolute > window.LastRow)
                throw options.Range is null
                    ? Data.IngestErrors.BadHeaderRow(file, relative)
                    : Data.IngestErrors.RangeHeaderOutside(file, options.Range, relative);
            header = (int)absolute;
        }
        return new SheetScanPlan(window, header, !options.IncludeHiddenRows, options.FillMergedCells) { HelperAfterRows = options.ProfileHelperAfterRows };
    }
}
