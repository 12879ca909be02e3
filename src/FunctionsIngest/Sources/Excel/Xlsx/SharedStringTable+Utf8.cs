using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Sources.Excel.Xlsx;

internal sealed partial class SharedStringTable
{
    /// <summary>
    /// The UTF-8 fast path: each &lt;si&gt; is its &lt;t&gt; and &lt;r&gt;/&lt;t&gt; text, concatenated, with &lt;rPh&gt;,
    /// &lt;phoneticPr&gt; and &lt;rPr&gt; skipped and _xHHHH_ escapes decoded (same rules as <see cref="RichTextReader"/>).
    /// </summary>
    private static SharedStringTable ParseUtf8(Utf8XmlCursor cursor, ZipPackage package)
    {
        var builder = new Builder();
        int limit = package.Limits.MaxTextLength;
        char[] chars = new char[256];
        TagKind kind;
        while ((kind = cursor.NextTag()) != TagKind.EndOfDocument)
        {
            if (kind != TagKind.StartTag || !cursor.LocalName.SequenceEqual("si"u8))
                continue;
            if (!cursor.IsEmptyElement)
                ReadItem(cursor, builder, ref chars, limit, package.DisplayName);
            if (((ReadOnlySpan<char>)builder.PendingChars).IndexOf("_x", StringComparison.Ordinal) >= 0)
                builder.ReplacePending(OoxmlEscapes.Decode(new string(builder.PendingChars)));
            if (builder.Pending > limit)
                throw IngestErrors.SharedStringTooLong(package.DisplayName, builder.Count, limit);
            builder.Commit();
        }
        return builder.Build();
    }

    private static void ReadItem(Utf8XmlCursor cursor, Builder builder, ref char[] chars, int limit, string file)
    {
        int depth = 1;
        while (depth > 0)
        {
            switch (cursor.NextTag())
            {
                case TagKind.StartTag when cursor.LocalName.SequenceEqual("rPh"u8) || cursor.LocalName.SequenceEqual("phoneticPr"u8) || cursor.LocalName.SequenceEqual("rPr"u8):
                    cursor.SkipElement("the shared strings part");
                    break;
                case TagKind.StartTag when cursor.LocalName.SequenceEqual("t"u8):
                    if (cursor.IsEmptyElement)
                        break;
                    ReadOnlySpan<byte> text;
                    try
                    {
                        text = cursor.ReadText(limit * 4);
                    }
                    catch (TextTooLongException)
                    {
                        throw IngestErrors.SharedStringTooLong(file, builder.Count, limit);
                    }
                    if (chars.Length < text.Length)
                        chars = new char[Math.Max(text.Length, chars.Length * 2)];
                    int n = Encoding.UTF8.GetChars(text, chars);
                    builder.Append(chars.AsSpan(0, n));
                    depth++; // the <t> element itself; its end tag comes next
                    break;
                case TagKind.StartTag:
                    if (!cursor.IsEmptyElement)
                        depth++;
                    break;
                case TagKind.EndTag:
                    depth--;
                    break;
                default:
                    throw Utf8XmlCursor.Malformed("the shared strings part ends inside <si>");
            }
        }
    }
}
