using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>An .xlsx/.xlsm worksheet read by the project's own streaming reader.</summary>
public sealed class XlsxTableReader : ExcelSheetReader
{
    private XlsxTableReader(ISheetRowSource source, ZipPackage package, string file, ExcelReadOptions options)
        : base(source, file, options)
    {
        // Pass 2 replays the spool and needs only the shared strings, so the file is released now.
        package.Dispose();
    }

    internal static XlsxTableReader Open(ZipPackage package, WorkbookPart workbook, ExcelReadOptions options)
    {
        var file = package.DisplayName;
        int index = SheetSelector.Select(file, workbook.Sheets.Select(s => s.Name).ToList(), options.Sheet);
        var sheet = workbook.Sheets[index];
        if (!package.Contains(sheet.PartName))
            throw IngestErrors.MissingPart(file, sheet.PartName);
        var strings = SharedStringTable.Read(package, workbook.SharedStringsPart);
        var styles = StyleTable.Read(package, workbook.StylesPart);
        var source = SheetRowSources.Create(package, sheet.PartName, sheet.Name, strings, styles, workbook.Date1904);
        try
        {
            return new XlsxTableReader(source, package, file, options);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }
}
