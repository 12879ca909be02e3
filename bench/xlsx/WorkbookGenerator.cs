using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace XlsxBench;

/// <summary>
/// Writes the benchmark workbook with a minimal generator of its own (no library): one sheet of N rows x 10
/// columns — int, double, date, date-time, boolean, pooled text, unique text, int, double, pooled text — with
/// about 10% blank cells, shared strings, a styles part with date formats, deflated like Excel does.
/// </summary>
public static class WorkbookGenerator
{
    public static readonly string[] Header = ["id", "amount", "day", "stamp", "flag", "category", "name", "qty", "score", "region"];
    private static readonly string[] Categories = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];

    public static void Write(string path, int rows, int seed = 12345)
    {
        var random = new Random(seed);
        var strings = new List<string>(Header);
        var index = new Dictionary<string, int>();
        for (int i = 0; i < strings.Count; i++)
            index[strings[i]] = i;
        int Intern(string s)
        {
            if (!index.TryGetValue(s, out int i))
            {
                i = strings.Count;
                strings.Add(s);
                index[s] = i;
            }
            return i;
        }

        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Text(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Text(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Text(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Text(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Text(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");

        var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
        using (var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><dimension ref=\"A1:J");
            writer.Write((rows + 1).ToString(CultureInfo.InvariantCulture));
            writer.Write("\"/><sheetData><row r=\"1\" spans=\"1:10\">");
            for (int c = 0; c < Header.Length; c++)
                writer.Write($"<c r=\"{(char)('A' + c)}1\" t=\"s\"><v>{c}</v></c>");
            writer.Write("</row>");
            var cell = new StringBuilder(512);
            for (int r = 2; r <= rows + 1; r++)
            {
                cell.Clear();
                cell.Append("<row r=\"").Append(r).Append("\" spans=\"1:10\">");
                string rs = r.ToString(CultureInfo.InvariantCulture);
                for (int c = 0; c < 10; c++)
                {
                    if (c > 0 && random.Next(10) == 0)
                        continue; // ~10% blanks (the id column is always filled)
                    cell.Append("<c r=\"").Append((char)('A' + c)).Append(rs).Append('"');
                    switch (c)
                    {
                        case 0: cell.Append("><v>").Append(r - 1); break;
                        case 1: cell.Append("><v>").Append(Math.Round(random.NextDouble() * 100000, 2).ToString("R", CultureInfo.InvariantCulture)); break;
                        case 2: cell.Append(" s=\"1\"><v>").Append(40000 + random.Next(8000)); break;
                        case 3: cell.Append(" s=\"2\"><v>").Append((40000 + random.Next(8000) + random.Next(86400) / 86400.0).ToString("R", CultureInfo.InvariantCulture)); break;
                        case 4: cell.Append(" t=\"b\"><v>").Append(random.Next(2)); break;
                        case 5: cell.Append(" t=\"s\"><v>").Append(Intern(Categories[random.Next(Categories.Length)])); break;
                        case 6: cell.Append(" t=\"s\"><v>").Append(Intern($"Customer {r:D7} {(char)('A' + random.Next(26))}{random.Next(1000)}")); break;
                        case 7: cell.Append("><v>").Append(random.Next(-500, 5000)); break;
                        case 8: cell.Append("><v>").Append(random.NextDouble().ToString("R", CultureInfo.InvariantCulture)); break;
                        case 9: cell.Append(" t=\"s\"><v>").Append(Intern(Regions[random.Next(Regions.Length)])); break;
                    }
                    cell.Append("</v></c>");
                }
                cell.Append("</row>");
                writer.Write(cell);
            }
            writer.Write("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        }

        var sst = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal);
        using (var writer = new StreamWriter(sst.Open(), new UTF8Encoding(false), 1 << 16))
        {
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"{strings.Count}\">");
            foreach (var s in strings)
                writer.Write($"<si><t>{System.Security.SecurityElement.Escape(s)}</t></si>");
            writer.Write("</sst>");
        }
    }

    private static void Text(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
