using System.Xml;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>One internal relationship of a part, with its target resolved to a part name.</summary>
internal sealed record Relationship(string Id, string Type, string TargetPart)
{
    /// <summary>The last segment of the type URI ("worksheet", "styles"...): Transitional and Strict differ only in the prefix.</summary>
    public string Kind => Type[(Type.LastIndexOf('/') + 1)..];
}

/// <summary>Reads the .rels part of a source part (element local names only, so prefixes do not matter).</summary>
internal static class Relationships
{
    public static IReadOnlyList<Relationship> Read(ZipPackage package, string sourcePart)
    {
        var relsPart = sourcePart.Length == 0 ? "_rels/.rels" : PartNames.RelsPartOf(sourcePart);
        return XmlParts.ParseOptional(package, relsPart, reader => Parse(reader, package, sourcePart))
            ?? (IReadOnlyList<Relationship>)[];
    }

    private static List<Relationship> Parse(XmlReader reader, ZipPackage package, string sourcePart)
    {
        var list = new List<Relationship>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                continue;
            var id = reader.GetAttribute("Id") ?? "";
            var type = reader.GetAttribute("Type") ?? "";
            var target = reader.GetAttribute("Target");
            var mode = reader.GetAttribute("TargetMode");
            if (target is null || string.Equals(mode, "External", StringComparison.OrdinalIgnoreCase))
                continue;
            var resolved = PartNames.Resolve(sourcePart, target);
            // Some writers emit relative targets that already start with the source folder ("xl/worksheets/..."
            // from xl/workbook.xml); readxl has seen both forms, so fall back to the target as a root path.
            if (!package.Contains(resolved) && package.Contains(PartNames.Resolve("", target)))
                resolved = PartNames.Resolve("", target);
            list.Add(new Relationship(id, type, resolved));
        }
        return list;
    }
}
