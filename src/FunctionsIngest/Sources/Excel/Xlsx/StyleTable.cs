using System.Globalization;
using System.Xml;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Maps a cell's style index (c/@s, an index into cellXfs) to what its number format means. A custom numFmt
/// that reuses a built-in id wins over the built-in; applyNumberFormat is ignored, as every mature reader does.
/// </summary>
internal sealed class StyleTable
{
    public static readonly StyleTable Empty = new([]);

    private readonly NumberFormatKind[] _kinds;

    private StyleTable(NumberFormatKind[] kinds) => _kinds = kinds;

    public int Count => _kinds.Length;

    /// <summary>Unknown or out-of-range style indexes read as plain numbers.</summary>
    public NumberFormatKind KindOf(int styleIndex) =>
        (uint)styleIndex < (uint)_kinds.Length ? _kinds[styleIndex] : NumberFormatKind.Number;

    public static StyleTable Read(ZipPackage package, string? partName)
    {
        if (partName is null)
            return Empty;
        return XmlParts.ParseOptional(package, partName, Parse) ?? Empty;
    }

    private static StyleTable Parse(XmlReader reader)
    {
        var custom = new Dictionary<int, NumberFormatKind>();
        var xfFormatIds = new List<int>();
        bool inCellXfs = false;
        int cellXfsDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellXfsDepth)
            {
                inCellXfs = false;
                cellXfsDepth = -1;
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            switch (reader.LocalName)
            {
                case "numFmt":
                    if (TryInt(reader.GetAttribute("numFmtId"), out int id))
                        custom[id] = NumberFormatClassifier.ForCode(reader.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    if (!reader.IsEmptyElement)
                    {
                        inCellXfs = true;
                        cellXfsDepth = reader.Depth;
                    }
                    break;
                case "xf" when inCellXfs && reader.Depth == cellXfsDepth + 1:
                    xfFormatIds.Add(TryInt(reader.GetAttribute("numFmtId"), out int formatId) ? formatId : 0);
                    break;
            }
        }
        var kinds = new NumberFormatKind[xfFormatIds.Count];
        for (int i = 0; i < kinds.Length; i++)
        {
            int formatId = xfFormatIds[i];
            kinds[i] = custom.TryGetValue(formatId, out var kind) ? kind : NumberFormatClassifier.ForBuiltInId(formatId);
        }
        return new StyleTable(kinds);
    }

    private static bool TryInt(string? text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
