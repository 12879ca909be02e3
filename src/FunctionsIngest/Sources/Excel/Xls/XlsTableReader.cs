using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>A legacy .xls worksheet read through ExcelDataReader, with the same header, typing and batch rules as .xlsx.</summary>
public sealed class XlsTableReader : ExcelSheetReader
{
    private XlsTableReader(ISheetRowSource source, string file, ExcelReadOptions options) : base(source, file, options) { }

    internal static XlsTableReader Open(string path, string file, ExcelReadOptions options)
    {
        var reader = EdrWorkbook.Open(path, file);
        ISheetRowSource? source = null;
        try
        {
            var names = EdrWorkbook.SheetNames(reader, file);
            int index = SheetSelector.Select(file, names, options.Sheet);
            source = new XlsRowSource(reader, file, index, names[index]);
            return new XlsTableReader(source, file, options);
        }
        catch
        {
            if (source is not null)
                source.Dispose();
            else
                reader.Dispose();
            throw;
        }
    }
}
