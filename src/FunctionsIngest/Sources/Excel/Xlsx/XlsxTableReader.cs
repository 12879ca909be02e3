using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>An .xlsx/.xlsm worksheet (or several) read by the project's own streaming reader.</summary>
public sealed class XlsxTableReader : ExcelSheetReader
{
    private XlsxTableReader(XlsxWorkbookSource workbook, ExcelReadOptions options) : base(workbook, options) { }

    internal static XlsxTableReader Open(ZipPackage package, WorkbookPart workbook, ExcelReadOptions options) =>
        new(new XlsxWorkbookSource(package, workbook), options);
}
