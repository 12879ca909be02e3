using FunctionsIngest.Testing;

namespace FunctionsIngest.Tests.Fixtures;

public static class XlsxBuilderFiles
{
    /// <summary>Writes the workbook to a new temp file and returns its path.</summary>
    public static string Save(this XlsxBuilder book, TempDir dir, string fileName = "book.xlsx") => dir.Write(fileName, book.ToBytes());
}
