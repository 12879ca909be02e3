using System.Text;
using System.Xml;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Reads the text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; children plus &lt;r&gt;/&lt;t&gt; runs,
/// concatenated; phonetic runs (&lt;rPh&gt;) and &lt;phoneticPr&gt; are skipped. Whitespace is kept as written.
/// </summary>
internal static class RichTextReader
{
    /// <summary>
    /// The reader is on the start element; on return it is on the matching end element (or still on the
    /// element when it was empty). Throws <see cref="TextTooLongException"/> past <paramref name="maxLength"/>.
    /// </summary>
    public static string Read(XmlReader reader, StringBuilder scratch, int maxLength)
    {
        if (reader.IsEmptyElement)
            return "";
        scratch.Clear();
        int depth = reader.Depth;
        int tDepth = -1;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName is "rPh" or "phoneticPr" or "rPr":
                    reader.Skip();
                    continue;
                case XmlNodeType.Element when reader.LocalName == "t" && !reader.IsEmptyElement:
                    tDepth = reader.Depth;
                    break;
                case XmlNodeType.EndElement when reader.Depth == tDepth:
                    tDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when tDepth >= 0:
                    scratch.Append(reader.Value);
                    if (scratch.Length > maxLength)
                        throw new TextTooLongException();
                    break;
            }
            reader.Read();
        }
        return OoxmlEscapes.Decode(scratch.ToString());
    }
}

/// <summary>A text value exceeded the configured maximum length; the caller adds where.</summary>
internal sealed class TextTooLongException : Exception
{
    public TextTooLongException() : base("Text too long.") { }
}
