using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel;

internal enum WorkbookFormat
{
    Zip,
    Ole2,
}

/// <summary>Tells a workbook's container from its first bytes: "PK\x03\x04" is a zip, D0 CF 11 E0 A1 B1 1A E1 an OLE2 compound file.</summary>
internal static class FileSignature
{
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static WorkbookFormat Sniff(string path, string file)
    {
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var stream = SourceFile.OpenRead(path, file))
        {
            try
            {
                n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (IOException ex)
            {
                throw IngestErrors.Io(file, ex);
            }
        }
        if (n >= 4 && head[..4].SequenceEqual(Zip))
            return WorkbookFormat.Zip;
        if (n == 8 && head.SequenceEqual(Ole2))
            return WorkbookFormat.Ole2;
        if (n == 0)
            throw IngestErrors.NotAWorkbook(file, "the file is empty.");
        throw IngestErrors.NotAWorkbook(file, "it is neither an .xlsx (zip) nor an .xls (OLE2) file; CSV, HTML or XML files renamed to .xlsx are not workbooks.");
    }
}
