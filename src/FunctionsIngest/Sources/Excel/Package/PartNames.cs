namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>Part-name arithmetic: normalising zip entry names and resolving relationship targets.</summary>
internal static class PartNames
{
    /// <summary>Forward slashes, no leading slash (part names compare case-insensitively elsewhere).</summary>
    public static string Normalize(string name) => name.Replace('\\', '/').TrimStart('/');

    /// <summary>The .rels part describing <paramref name="sourcePart"/>: "xl/workbook.xml" => "xl/_rels/workbook.xml.rels".</summary>
    public static string RelsPartOf(string sourcePart)
    {
        var folder = FolderOf(sourcePart);
        var file = sourcePart[folder.Length..];
        return $"{folder}_rels/{file}.rels";
    }

    /// <summary>"xl/workbook.xml" => "xl/"; a root part => "".</summary>
    public static string FolderOf(string part)
    {
        int slash = part.LastIndexOf('/');
        return slash < 0 ? "" : part[..(slash + 1)];
    }

    /// <summary>Joins a relative target to the source part's folder and removes "." and ".." segments; a leading "/" means package root.</summary>
    public static string Resolve(string sourcePart, string target)
    {
        target = target.Replace('\\', '/');
        var joined = target.StartsWith('/') ? target[1..] : FolderOf(sourcePart) + target;
        var segments = new List<string>();
        foreach (var segment in joined.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', segments);
    }
}
