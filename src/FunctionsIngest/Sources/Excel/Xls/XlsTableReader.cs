namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>A legacy .xls worksheet (or several) read through ExcelDataReader, with the same header, typing and batch rules as .xlsx.</summary>
public sealed class XlsTableReader : ExcelSheetReader
{
    private XlsTableReader(XlsWorkbookSource workbook, ExcelReadOptions options) : base(workbook, options with { SinglePass = false }) { }

    internal static XlsTableReader Open(string path, string file, ExcelReadOptions options) =>
        new(new XlsWorkbookSource(path, file), options);
}
