using System.IO.Compression;
using System.Xml;
using ExcelDataReader;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx;

namespace XlsxBench;

/// <summary>The measured operations; each returns a checksum so nothing is optimised away.</summary>
public static class Stages
{
    /// <summary>Inflate the sheet and shared-string parts to nowhere, as the reader opens them (ISA-L when it is there): the floor any reader pays.</summary>
    public static long UnzipOnly(string path)
    {
        using var package = ZipPackage.Open(path, "bench");
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var name in new[] { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" })
        {
            using var stream = package.Open(name);
            int n;
            while ((n = stream.Read(buffer)) > 0)
                total += n;
        }
        return total;
    }

    /// <summary>Our reader end to end: open (shared strings, styles, the parse that types and spools) and every batch.</summary>
    public static long OurReader(string path) => OurReader(path, singlePass: false);

    /// <summary>The same, reading the sheet in one pass when it can (as the copy step does).</summary>
    public static long OurReader(string path, bool singlePass)
    {
        using var reader = ExcelTableReader.Open(path, new ExcelReadOptions { SinglePass = singlePass });
        return Drain(reader);
    }

    public static long Drain(ITableReader reader)
    {
        long sum = 0;
        RecordBatch? batch;
        while ((batch = reader.ReadNextBatch()) is not null)
        {
            foreach (var column in batch.Columns)
            {
                sum += column.NullCount;
                if (column is StringVector s)
                {
                    for (int i = 0; i < s.Count; i++)
                        sum += s.Values[i]?.Length ?? 0;
                }
            }
            sum += batch.RowCount;
        }
        return sum;
    }

    /// <summary>Shared strings and styles only (part of opening).</summary>
    public static long LoadTables(string path)
    {
        using var package = ZipPackage.Open(path, "bench");
        var workbook = WorkbookPart.Read(package, WorkbookPart.FindPartName(package));
        var strings = SharedStringTable.Read(package, workbook.SharedStringsPart);
        var styles = StyleTable.Read(package, workbook.StylesPart);
        return strings.Count + styles.Count;
    }

    /// <summary>One pass of the sheet scan into row buffers (inflate + XML + cell decoding), no typing or batches.</summary>
    public static long ScanOnly(string path)
    {
        using var package = ZipPackage.Open(path, "bench");
        var workbook = WorkbookPart.Read(package, WorkbookPart.FindPartName(package));
        var strings = SharedStringTable.Read(package, workbook.SharedStringsPart);
        var styles = StyleTable.Read(package, workbook.StylesPart);
        var sheet = workbook.Sheets[0];
        double cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        using var source = SheetRowSources.Create(package, sheet.PartName, sheet.Name, strings, styles, workbook.Date1904);
        var row = new RowBuffer();
        long cells = 0;
        while (source.ReadRow(row))
            cells += row.SetCount;
        LastScanSeconds = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu;
        return cells;
    }

    /// <summary>CPU seconds of the last <see cref="ScanOnly"/> excluding the table loading it needs first.</summary>
    public static double LastScanSeconds { get; private set; }

    /// <summary>ExcelDataReader alone: every cell boxed through GetValue.</summary>
    public static long ExcelDataReaderOnly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        long count = 0;
        while (reader.Read())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetValue(i) is not null)
                    count++;
            }
        }
        return count;
    }

    /// <summary>The naive anchor: ZipArchive + XmlReader reading every element value as a string.</summary>
    public static long NaiveXmlReader(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        long count = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
                count += reader.ReadElementContentAsString().Length;
        }
        return count;
    }
}
