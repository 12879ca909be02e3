using System.Text;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// The workbook's shared strings, held whole (the one structure the format forces a reader to keep).
/// Count attributes are ignored: writers omit or misstate them.
/// </summary>
internal sealed class SharedStringTable
{
    public static readonly SharedStringTable Empty = new([]);

    private readonly string[] _strings;

    private SharedStringTable(string[] strings) => _strings = strings;

    public int Count => _strings.Length;

    public string this[int index] => _strings[index];

    public static SharedStringTable Read(ZipPackage package, string? partName)
    {
        if (partName is null)
            return Empty;
        return XmlParts.ParseOptional(package, partName, reader => Parse(reader, package)) ?? Empty;
    }

    private static SharedStringTable Parse(XmlReader reader, ZipPackage package)
    {
        var list = new List<string>();
        var scratch = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                continue;
            try
            {
                list.Add(RichTextReader.Read(reader, scratch, package.Limits.MaxTextLength));
            }
            catch (TextTooLongException)
            {
                throw IngestErrors.SharedStringTooLong(package.DisplayName, list.Count, package.Limits.MaxTextLength);
            }
        }
        return new SharedStringTable([.. list]);
    }
}
