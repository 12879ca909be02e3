using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>A worksheet listed in workbook.xml, in tab order, with its part resolved through the rels.</summary>
internal sealed record XlsxSheet(string Name, string PartName, bool Hidden);

/// <summary>
/// What workbook.xml and its rels say: the worksheets in tab order (chartsheets, dialog and macro sheets
/// skipped), the date system, and the styles and sharedStrings parts (both optional).
/// </summary>
internal sealed class WorkbookPart
{
    public required string PartName { get; init; }
    public required IReadOnlyList<XlsxSheet> Sheets { get; init; }
    public bool Date1904 { get; init; }
    public string? StylesPart { get; init; }
    public string? SharedStringsPart { get; init; }

    /// <summary>The workbook part named by the package's officeDocument relationship (falling back to xl/workbook.xml).</summary>
    public static string FindPartName(ZipPackage package)
    {
        var rel = Relationships.Read(package, "").FirstOrDefault(r => r.Kind == "officeDocument" && package.Contains(r.TargetPart));
        if (rel is not null)
            return rel.TargetPart;
        foreach (var fallback in new[] { "xl/workbook.xml", "xl/workbook.bin" })
        {
            if (package.Contains(fallback))
                return fallback;
        }
        throw IngestErrors.MissingPart(package.DisplayName, "xl/workbook.xml");
    }

    public static WorkbookPart Read(ZipPackage package, string partName)
    {
        var rels = Relationships.Read(package, partName).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var (entries, date1904) = XmlParts.Parse(package, partName, ParseWorkbook);
        var sheets = new List<XlsxSheet>();
        foreach (var (name, relId, hidden) in entries)
        {
            if (relId is null || !rels.TryGetValue(relId, out var rel))
                throw IngestErrors.BadPart(package.DisplayName, partName, $"sheet '{name}' refers to relationship '{relId}', which does not exist.");
            if (rel.Kind == "worksheet")
                sheets.Add(new XlsxSheet(name, rel.TargetPart, hidden));
        }
        return new WorkbookPart
        {
            PartName = partName,
            Sheets = sheets,
            Date1904 = date1904,
            StylesPart = rels.Values.FirstOrDefault(r => r.Kind == "styles")?.TargetPart,
            SharedStringsPart = rels.Values.FirstOrDefault(r => r.Kind == "sharedStrings")?.TargetPart,
        };
    }

    private sealed record SheetEntries(List<(string Name, string? RelId, bool Hidden)> Sheets, bool Date1904);

    private static SheetEntries ParseWorkbook(XmlReader reader)
    {
        var sheets = new List<(string, string?, bool)>();
        bool date1904 = false, sawProperties = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            // Only the first workbookPr: Excel also writes an x14:workbookPr inside extLst, without date1904.
            if (reader.LocalName == "workbookPr" && !sawProperties)
            {
                sawProperties = true;
                date1904 = XmlBool.Parse(reader.GetAttribute("date1904"));
            }
            else if (reader.LocalName == "sheet")
            {
                var name = reader.GetAttribute("name") ?? "";
                var state = reader.GetAttribute("state");
                sheets.Add((name, RelationshipId(reader), state is "hidden" or "veryHidden"));
            }
        }
        return new SheetEntries(sheets, date1904);
    }

    /// <summary>The r:id attribute, matched by local name in any namespace (third-party writers use other prefixes).</summary>
    private static string? RelationshipId(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute())
            return null;
        string? id = null;
        do
        {
            if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0)
                id = reader.Value;
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
        return id;
    }
}

/// <summary>xsd:boolean as writers use it: "1"/"true" are true (LibreOffice writes words).</summary>
internal static class XmlBool
{
    public static bool Parse(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
