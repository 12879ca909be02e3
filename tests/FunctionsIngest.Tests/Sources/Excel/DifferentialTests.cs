using System.Globalization;
using System.Text;
using ExcelDataReader;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// Our raw cell values against ExcelDataReader's, cell by cell, on every corpus .xlsx. Where they differ the
/// difference is listed in <see cref="ExpectedDifferences"/> with which reader is right and why.
/// </summary>
public class DifferentialTests
{
    static DifferentialTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>file|sheet|cell => why the readers differ (and who is right).</summary>
    private static readonly Dictionary<string, string> ExpectedDifferences = new(StringComparer.Ordinal)
    {
        // Serial 60.33 is the phantom 1900-02-29 (ECMA-376 leap-year bug). ExcelDataReader maps it to 1900-02-28 08:00,
        // duplicating a real date; we read null with a warning, as readxl does. Ours is right.
        ["dates-leap-year-1900-xlsx.xlsx|for_testing|A5"] = "phantom 1900-02-29",
        ["dates-leap-year-1900-xlsx.xlsx|for_human_eyes|A8"] = "phantom 1900-02-29",
        // Format "[Magenta]0" is a colour and an integer format. ExcelDataReader's parser takes "[M" for elapsed minutes
        // and returns TimeSpan 00:00; we read the number 0 (readxl's colour test also expects a number). Ours is right.
        ["color-date-xlsx.xlsx|Sheet1|A5"] = "[Magenta] is a colour",
        ["color-date-lowercase-xlsx.xlsx|Sheet1|A5"] = "[magenta] is a colour",
    };

    /// <summary>Whole files ExcelDataReader cannot open, and why.</summary>
    private static readonly Dictionary<string, string> EdrCannotRead = new(StringComparer.Ordinal)
    {
        // Its parts sit at the package root (workbook.xml, sheet1.xml), found only by following _rels/.rels;
        // ExcelDataReader 3.6 throws "not a valid OpenXml file". Ours follows the relationships (CorpusXlsxTests checks values).
        ["los-angeles-arrests-xlsx.xlsx"] = "parts outside xl/",
    };

    /// <summary>ExcelDataReader lists chartsheets as empty sheets; we list worksheets only.</summary>
    private static readonly HashSet<string> EdrChartsheets = ["embedded-chartsheet.xlsx|Chart1"];

    public static TheoryData<string> XlsxFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files("*.xlsx"))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(XlsxFiles))]
    public void Agrees_with_ExcelDataReader_cell_by_cell(string file)
    {
        var ours = ReadOurs(Corpus.File(file));
        if (EdrCannotRead.ContainsKey(file))
        {
            Assert.ThrowsAny<Exception>(() => ReadEdr(Corpus.File(file)));
            Assert.NotEmpty(ours.Values.First());
            return;
        }
        var theirs = ReadEdr(Corpus.File(file));
        foreach (var chart in theirs.Keys.Where(sheet => EdrChartsheets.Contains($"{file}|{sheet}")).ToList())
        {
            Assert.Empty(theirs[chart]);
            theirs.Remove(chart);
        }
        Assert.Equal(theirs.Keys.ToArray(), ours.Keys.ToArray());
        var unexplained = new List<string>();
        int compared = 0;
        foreach (var (sheet, ourCells) in ours)
        {
            var edrCells = theirs[sheet];
            foreach (var key in ourCells.Keys.Union(edrCells.Keys).Order())
            {
                var our = ourCells.GetValueOrDefault(key);
                var edr = edrCells.GetValueOrDefault(key);
                compared++;
                if (Same(our, edr))
                    continue;
                var id = $"{file}|{sheet}|{CellReference.Format(key.Column, key.Row)}";
                if (!ExpectedDifferences.ContainsKey(id))
                    unexplained.Add($"{id}: ours <{Show(our)}>, ExcelDataReader <{Show(edr)}>");
            }
        }
        Assert.True(compared > 0);
        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained.Take(40)) + $"\n({unexplained.Count} unexplained differences)");
    }

    private static Dictionary<string, Dictionary<(int Row, int Column), CellValue>> ReadOurs(string path)
    {
        var result = new Dictionary<string, Dictionary<(int, int), CellValue>>();
        using var package = ZipPackage.Open(path, Path.GetFileName(path));
        var workbook = WorkbookPart.Read(package, WorkbookPart.FindPartName(package));
        var strings = SharedStringTable.Read(package, workbook.SharedStringsPart);
        var styles = StyleTable.Read(package, workbook.StylesPart);
        foreach (var sheet in workbook.Sheets)
        {
            var cells = new Dictionary<(int, int), CellValue>();
            using var source = new SheetRowReader(package, sheet.PartName, sheet.Name, strings, styles, workbook.Date1904);
            var row = new RowBuffer();
            while (source.ReadRow(row))
            {
                for (int i = 0; i < row.SetCount; i++)
                {
                    int column = row.SetColumn(i);
                    var cell = row.Get(column);
                    if (cell.SharedIndex > 0)
                        cell.Text = source.SharedString(cell.SharedIndex);
                    cells[(row.RowNumber, column)] = cell;
                }
            }
            result[sheet.Name] = cells;
        }
        return result;
    }

    private static Dictionary<string, Dictionary<(int Row, int Column), object>> ReadEdr(string path)
    {
        var result = new Dictionary<string, Dictionary<(int, int), object>>();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var cells = new Dictionary<(int, int), object>();
            int rowNumber = 0;
            while (reader.Read())
            {
                rowNumber++;
                for (int c = 0; c < reader.FieldCount; c++)
                {
                    var value = reader.GetValue(c);
                    if (value is not null && !(value is string s && s.Length == 0))
                        cells[(rowNumber, c)] = value;
                }
            }
            result[reader.Name] = cells;
        }
        while (reader.NextResult());
        return result;
    }

    private static bool Same(CellValue our, object? edr) => (our.Kind, edr) switch
    {
        (CellKind.Blank or CellKind.Error or CellKind.NoCachedValue or CellKind.InvalidDate, null) => true,
        (CellKind.Text, string s) => s == our.Text,
        (CellKind.Number, double d) => d.Equals(our.Number),
        (CellKind.Boolean, bool b) => b == (our.Number != 0),
        (CellKind.DateTime, DateTime dt) => ExcelDateConverter.FromDateTime(dt) == our.Micros,
        (CellKind.Time, DateTime dt) => dt.TimeOfDay.Ticks / 10 == our.Micros && dt < new DateTime(1900, 1, 1),
        (CellKind.Time, TimeSpan ts) => ts.Ticks / 10 == our.Micros,
        _ => false,
    };

    private static string Show(CellValue cell) => cell.Kind switch
    {
        CellKind.Blank => "blank",
        CellKind.Number or CellKind.Boolean => $"{cell.Kind} {cell.Number.ToString("R", CultureInfo.InvariantCulture)}",
        CellKind.DateTime => $"DateTime {ExcelDateConverter.ToDateTime(cell.Micros):O}",
        CellKind.Time => $"Time {TimeSpan.FromTicks(cell.Micros * 10)}",
        _ => $"{cell.Kind} {cell.Text}",
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTime dt => $"DateTime {dt:O}",
        IFormattable f => $"{value.GetType().Name} {f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name} {value}",
    };
}
