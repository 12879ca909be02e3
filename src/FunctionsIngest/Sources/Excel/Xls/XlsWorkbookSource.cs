using ExcelDataReader;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>A legacy .xls workbook open through one ExcelDataReader, which every sheet's row source shares.</summary>
internal sealed class XlsWorkbookSource : IWorkbookSource
{
    private readonly IExcelDataReader _reader;

    public XlsWorkbookSource(string path, string file)
    {
        File = file;
        _reader = EdrWorkbook.Open(path, file);
        try
        {
            Sheets = EdrWorkbook.Sheets(_reader, file);
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public string File { get; }

    public IReadOnlyList<SheetEntry> Sheets { get; }

    /// <summary>ExcelDataReader shifts 1904 dates itself and hides the flag, so cells arrive in the 1900 system.</summary>
    public bool Date1904 => false;

    public ISheetRowSource Open(SheetEntry sheet) => new XlsRowSource(_reader, File, sheet.Index, sheet.Name);

    public string SharedString(int sharedIndex) => throw new NotSupportedException("ExcelDataReader cells carry no shared-string index.");

    public void Dispose() => _reader.Dispose();
}
