using System.IO.Compression;
using System.Security;
using System.Text;

namespace FunctionsIngest.Testing;

/// <summary>
/// A test-only .xlsx writer, independent of the reader: parts are XML strings written into a zip. Defaults give a
/// minimal valid workbook; tests override or remove parts to build odd or hostile packages.
/// </summary>
public sealed class XlsxBuilder
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly List<(string Name, byte[] Data)> _parts = [];
    private readonly List<(string Name, string Part)> _sheets = [];
    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<string, int> _sharedIndex = [];

    public string? StylesXml { get; set; } = Styles("<xf numFmtId=\"0\"/>");
    public bool Date1904 { get; set; }
    public bool OmitSharedStrings { get; set; }

    public static string Styles(string cellXfs, string numFmts = "") =>
        $"<styleSheet xmlns=\"{Main}\">{(numFmts.Length > 0 ? $"<numFmts>{numFmts}</numFmts>" : "")}<cellXfs>{cellXfs}</cellXfs></styleSheet>";

    /// <summary>Adds a worksheet whose sheetData is <paramref name="sheetData"/> (the inner XML of sheetData).</summary>
    public XlsxBuilder Sheet(string name, string sheetData)
    {
        int n = _sheets.Count + 1;
        var part = $"xl/worksheets/sheet{n}.xml";
        _sheets.Add((name, part));
        Part(part, $"<worksheet xmlns=\"{Main}\" xmlns:r=\"{RelNs}\"><sheetData>{sheetData}</sheetData></worksheet>");
        return this;
    }

    /// <summary>Adds a worksheet from rows of cell values: string => shared string, numbers => n, bool => b, null => absent.</summary>
    public XlsxBuilder SheetOfValues(string name, params object?[][] rows)
    {
        var xml = new StringBuilder();
        for (int r = 0; r < rows.Length; r++)
        {
            xml.Append($"<row r=\"{r + 1}\">");
            for (int c = 0; c < rows[r].Length; c++)
                xml.Append(Cell(Ref(c, r + 1), rows[r][c]));
            xml.Append("</row>");
        }
        return Sheet(name, xml.ToString());
    }

    public string Cell(string reference, object? value) => value switch
    {
        null => "",
        string s => $"<c r=\"{reference}\" t=\"s\"><v>{SharedString(s)}</v></c>",
        bool b => $"<c r=\"{reference}\" t=\"b\"><v>{(b ? 1 : 0)}</v></c>",
        double d => $"<c r=\"{reference}\"><v>{d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
        IFormattable f => $"<c r=\"{reference}\"><v>{f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
        _ => throw new ArgumentException($"Unsupported test value {value}"),
    };

    public int SharedString(string text)
    {
        if (_sharedIndex.TryGetValue(text, out int index))
            return index;
        _sharedStrings.Add(text);
        _sharedIndex[text] = _sharedStrings.Count - 1;
        return _sharedStrings.Count - 1;
    }

    public static string Ref(int column, int row)
    {
        var letters = "";
        for (int n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + row;
    }

    public XlsxBuilder Part(string name, string xml) => Part(name, Encoding.UTF8.GetBytes(xml));

    public XlsxBuilder Part(string name, byte[] data)
    {
        _parts.RemoveAll(p => p.Name == name);
        _parts.Add((name, data));
        return this;
    }

    public XlsxBuilder Remove(string name)
    {
        _parts.RemoveAll(p => p.Name == name);
        return this;
    }

    /// <summary>The default parts for whatever the test did not set itself.</summary>
    private List<(string Name, byte[] Data)> AllParts()
    {
        var all = new List<(string Name, byte[] Data)>();
        void Default(string name, string xml)
        {
            if (!_parts.Any(p => p.Name == name) && !_removed.Contains(name))
                all.Add((name, Encoding.UTF8.GetBytes(xml)));
        }
        Default("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        Default("_rels/.rels", $"<Relationships xmlns=\"{PkgRelNs}\"><Relationship Id=\"rId1\" Type=\"{RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var sheets = string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rIdS{i + 1}\"/>"));
        Default("xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{RelNs}\">{(Date1904 ? "<workbookPr date1904=\"1\"/>" : "")}<sheets>{sheets}</sheets></workbook>");
        var rels = new StringBuilder($"<Relationships xmlns=\"{PkgRelNs}\">");
        for (int i = 0; i < _sheets.Count; i++)
            rels.Append($"<Relationship Id=\"rIdS{i + 1}\" Type=\"{RelNs}/worksheet\" Target=\"{_sheets[i].Part["xl/".Length..]}\"/>");
        if (StylesXml is not null)
            rels.Append($"<Relationship Id=\"rIdStyles\" Type=\"{RelNs}/styles\" Target=\"styles.xml\"/>");
        if (!OmitSharedStrings)
            rels.Append($"<Relationship Id=\"rIdStrings\" Type=\"{RelNs}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        rels.Append("</Relationships>");
        Default("xl/_rels/workbook.xml.rels", rels.ToString());
        if (StylesXml is not null)
            Default("xl/styles.xml", StylesXml);
        if (!OmitSharedStrings)
            Default("xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\">{string.Concat(_sharedStrings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>");
        all.AddRange(_parts);
        return all;
    }

    private readonly HashSet<string> _removed = [];

    /// <summary>Leaves a default part out of the package.</summary>
    public XlsxBuilder Without(string name)
    {
        _removed.Add(name);
        return Remove(name);
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in AllParts())
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(data);
            }
        }
        return buffer.ToArray();
    }
}
