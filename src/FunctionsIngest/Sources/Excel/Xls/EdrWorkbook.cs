using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>Opens legacy .xls (BIFF2–8) workbooks through ExcelDataReader 3.6.0, mapping its failures to ingest errors.</summary>
internal static class EdrWorkbook
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // ExcelDataReader needs the legacy code pages (BIFF5 and earlier are not Unicode).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static IExcelDataReader Open(string path, string file)
    {
        _ = Registered.Value;
        var stream = SourceFile.OpenRead(path, file);
        try
        {
            if (Ole2Directory.IsEncryptedPackage(stream))
                throw IngestErrors.PasswordProtected(file);
            stream.Position = 0;
            return ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch (Exception ex)
        {
            stream.Dispose();
            throw Map(file, ex) ?? ex;
        }
    }

    public static IReadOnlyList<string> SheetNames(IExcelDataReader reader, string file) => Sheets(reader, file).Select(s => s.Name).ToList();

    /// <summary>The sheets in tab order with their visibility ("hidden" and "veryhidden" count as hidden).</summary>
    public static IReadOnlyList<SheetEntry> Sheets(IExcelDataReader reader, string file) => Guard(file, () =>
    {
        reader.Reset();
        var sheets = new List<SheetEntry>();
        do
        {
            var state = reader.VisibleState;
            sheets.Add(new SheetEntry(sheets.Count, reader.Name ?? "", state is not null && !state.Equals("visible", StringComparison.OrdinalIgnoreCase)));
        }
        while (reader.NextResult());
        reader.Reset();
        return sheets;
    });

    public static T Guard<T>(string file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (Map(file, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    public static IngestException? Map(string file, Exception ex) => ex switch
    {
        IngestException => null,
        InvalidPasswordException => IngestErrors.PasswordProtected(file),
        IOException io and not EndOfStreamException => IngestErrors.Io(file, io),
        ExcelReaderException or InvalidDataException or EndOfStreamException or NotSupportedException
            or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidOperationException
            or FormatException or OverflowException or InvalidCastException or DecoderFallbackException
            => IngestErrors.CorruptWorkbook(file, $"the .xls data could not be read ({ex.Message})", ex),
        _ => null,
    };
}
