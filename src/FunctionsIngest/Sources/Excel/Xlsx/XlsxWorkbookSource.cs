using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>An .xlsx/.xlsm package; the shared strings and styles are loaded when the first sheet is opened.</summary>
internal sealed class XlsxWorkbookSource : IWorkbookSource
{
    private readonly ZipPackage _package;
    private readonly WorkbookPart _workbook;
    private SharedStringTable? _strings;
    private StyleTable? _styles;

    public XlsxWorkbookSource(ZipPackage package, WorkbookPart workbook)
    {
        _package = package;
        _workbook = workbook;
        Sheets = workbook.Sheets.Select((s, i) => new SheetEntry(i, s.Name, s.Hidden)).ToList();
    }

    public string File => _package.DisplayName;

    public IReadOnlyList<SheetEntry> Sheets { get; }

    public bool Date1904 => _workbook.Date1904;

    public ISheetRowSource Open(SheetEntry sheet)
    {
        var part = _workbook.Sheets[sheet.Index].PartName;
        if (!_package.Contains(part))
            throw IngestErrors.MissingPart(File, part);
        _strings ??= SharedStringTable.Read(_package, _workbook.SharedStringsPart);
        _styles ??= StyleTable.Read(_package, _workbook.StylesPart);
        return SheetRowSources.Create(_package, part, sheet.Name, _strings, _styles, _workbook.Date1904);
    }

    public string SharedString(int sharedIndex) => _strings![sharedIndex - 1];

    public void Dispose() => _package.Dispose();
}
