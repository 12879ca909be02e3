using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Writes built workbooks to a per-test temp folder and opens them.</summary>
public abstract class XlsxTestBase : IDisposable
{
    protected TempDir Dir { get; } = new();

    protected ExcelSheetReader Open(XlsxBuilder book, ExcelReadOptions? options = null) =>
        ExcelTableReader.Open(book.Save(Dir), options ?? new ExcelReadOptions());

    protected string Save(XlsxBuilder book) => book.Save(Dir);

    protected static object?[] Row(params object?[] values) => values;

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
