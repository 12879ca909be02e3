using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Layout;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Sources.Excel;

public abstract partial class ExcelSheetReader
{
    private static IReadOnlyList<SheetEntry> ChooseSheets(IWorkbookSource workbook, ExcelReadOptions options)
    {
        if (options.Sheets is null)
        {
            var names = workbook.Sheets.Select(s => s.Name).ToList();
            return [workbook.Sheets[SheetSelector.Select(workbook.File, names, options.Sheet)]];
        }
        if (options.Sheet is not null)
            throw IngestErrors.SheetAndSheetsBothSet(workbook.File);
        return SheetListSelector.Select(workbook.File, workbook.Sheets, options.Sheets, options.IncludeHiddenSheets);
    }

    /// <summary>Pass 1 over every sheet, then the schema. With several sheets, one without a table adds no rows.</summary>
    private TableLayout ReadLayout(IWorkbookSource workbook, IReadOnlyList<SheetEntry> sheets, ExcelReadOptions options)
    {
        var plan = SheetScanPlan.From(options, _file);
        bool several = options.Sheets is not null;
        var profiles = new List<SheetProfile>();
        IngestException? firstMissing = null;
        foreach (var sheet in sheets)
        {
            _warnings.Sheet = sheet.Name;
            var profile = ScanSheet(workbook, sheet, plan, options, trySinglePass: !several);
            if (_single is not null)
                return _single.Layout;
            if (profile.HasTable)
            {
                profiles.Add(profile);
                continue;
            }
            var missing = plan.HeaderRow is int header
                ? IngestErrors.HeaderRowMissing(_file, sheet.Name, header)
                : IngestErrors.NoHeaderFound(_file, sheet.Name);
            if (!several)
                throw missing;
            firstMissing ??= missing;
            _warnings.AddNote(IngestErrors.EmptySheetSkippedWarning(sheet.Name));
        }
        if (profiles.Count == 0)
            throw firstMissing!;
        _warnings.Close();
        if (options.FillMergedCells)
            ApplyMerges(profiles);
        return TableLayout.Build(profiles, options, _file, several, workbook.Date1904);
    }

    /// <summary>
    /// Pass 1 over one sheet. For a single pass it stops after the sample and, when the sample fixes the layout, keeps
    /// the sheet open in <see cref="_single"/>; else it goes on to the sheet's end.
    /// </summary>
    private SheetProfile ScanSheet(IWorkbookSource workbook, SheetEntry sheet, SheetScanPlan plan, ExcelReadOptions options, bool trySinglePass)
    {
        var source = workbook.Open(sheet);
        try
        {
            var scanner = new SheetProfile.Scanner(source, plan, _warnings, _spool);
            if (trySinglePass && options.SinglePass && !plan.FillMergedCells && Environment.ProcessorCount > 1)
            {
                scanner.Run(options.SinglePassSampleRows);
                if (!scanner.Ended)
                    _single = SheetSinglePass.TryStart(scanner, source, workbook, options, _file, workbook.Date1904);
                if (_single is not null)
                    return scanner.Profile;
            }
            scanner.Run();
            return scanner.Finish();
        }
        finally
        {
            if (_single is null)
                source.Dispose();
        }
    }

    /// <summary>Reads the merged ranges' values back from the spool (only when some are anchored below a header), so inference sees them.</summary>
    private void ApplyMerges(List<SheetProfile> profiles)
    {
        if (profiles.Exists(p => p.Merges?.NeedsDataAnchors == true))
        {
            _spool.StartReading();
            var row = new RowBuffer();
            foreach (var profile in profiles)
            {
                for (long i = 0; i < profile.SpooledRows; i++)
                {
                    _spool.Read(row);
                    profile.Merges?.CaptureAnchors(row);
                }
            }
            _spool.Rewind();
        }
        foreach (var profile in profiles)
            profile.ApplyMerges();
    }
}
