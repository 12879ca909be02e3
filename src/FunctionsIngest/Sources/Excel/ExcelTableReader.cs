using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xls;
using FunctionsIngest.Sources.Excel.Xlsx;

namespace FunctionsIngest.Sources.Excel;

/// <summary>
/// Entry point for Excel sources: sniffs the file signature (zip => .xlsx/.xlsm, own reader; OLE2 => .xls via
/// ExcelDataReader, encrypted OOXML => "password-protected") and opens one sheet, or several, as a typed table.
/// </summary>
public static class ExcelTableReader
{
    public static ExcelSheetReader Open(string filePath, ExcelReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = SourceFile.DefaultDisplayName(filePath, options.DisplayName);
        if (options.HeaderRow < 1 || options.HeaderRow > Cells.CellReference.MaxRow)
            throw IngestErrors.BadHeaderRow(file, options.HeaderRow.Value);
        switch (FileSignature.Sniff(filePath, file))
        {
            case WorkbookFormat.Zip:
                var package = ZipPackage.Open(filePath, file);
                try
                {
                    return XlsxTableReader.Open(package, ReadWorkbook(package), options);
                }
                catch
                {
                    package.Dispose();
                    throw;
                }
            default:
                return XlsTableReader.Open(filePath, file, options);
        }
    }

    /// <summary>The worksheet names in tab order (chartsheets excluded), hidden sheets included.</summary>
    public static IReadOnlyList<string> ListSheets(string filePath, string? displayName = null)
    {
        var file = SourceFile.DefaultDisplayName(filePath, displayName);
        switch (FileSignature.Sniff(filePath, file))
        {
            case WorkbookFormat.Zip:
                using (var package = ZipPackage.Open(filePath, file))
                    return ReadWorkbook(package).Sheets.Select(s => s.Name).ToList();
            default:
                using (var reader = EdrWorkbook.Open(filePath, file))
                    return EdrWorkbook.SheetNames(reader, file);
        }
    }

    private static WorkbookPart ReadWorkbook(ZipPackage package)
    {
        var part = WorkbookPart.FindPartName(package);
        if (part.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
            throw IngestErrors.NotAWorkbook(package.DisplayName, "it is a binary .xlsb workbook, which is not supported; save it as .xlsx.");
        return WorkbookPart.Read(package, part);
    }
}
