using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Chooses the scanner for a worksheet part: the fast UTF-8 scanner, or the XmlReader-based one for parts in
/// another encoding (UTF-16). Tests check that both give the same rows.
/// </summary>
internal static class SheetRowSources
{
    public static ISheetRowSource Create(ZipPackage package, string part, string sheetName, SharedStringTable strings, StyleTable styles, bool date1904) =>
        Utf8.Utf8SheetReader.TryCreate(package, part, sheetName, strings, styles, date1904)
        ?? (ISheetRowSource)new SheetRowReader(package, part, sheetName, strings, styles, date1904);
}
