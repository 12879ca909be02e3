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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static SharedStringTable ParseUtf8(Utf8XmlCursor cursor, ZipPackage package)
    {
        var builder = new Builder();
        int limit = package.Limits.MaxTextLength;
        var item = new ItemBytes();
        while (true)
        {
            if (cursor.TryReadCompactSharedItem(out var plain, out bool ascii))
            {
                if (ascii && plain.Length <= limit)
                {
                    builder.Add(plain);
                    continue;
                }
                item.Length = 0;
                item.Append(plain);
                AddItem(builder, item.Span, limit, package.DisplayName);
                continue;
            }
            item.Length = 0;
            var kind = cursor.NextTag();
            if (kind == TagKind.EndOfDocument)
                break;
            if (kind != TagKind.StartTag || !cursor.LocalName.SequenceEqual("si"u8))
                continue;
            if (!cursor.IsEmptyElement)
                ReadItem(cursor, builder, item, limit, package.DisplayName);
            AddItem(builder, item.Span, limit, package.DisplayName);
        }
        return builder.Build();
    }

    private static void AddItem(Builder builder, ReadOnlySpan<byte> bytes, int limit, string file)
    {
        if (bytes.IndexOf("_x"u8) >= 0)
        {
            var decoded = OoxmlEscapes.Decode(Encoding.UTF8.GetString(bytes));
            if (decoded.Length > limit)
                throw IngestErrors.SharedStringTooLong(file, builder.Count, limit);
            builder.Add(decoded);
            return;
        }
        // A character never takes fewer bytes than UTF-16 code units, so short items need no count.
        if (bytes.Length > limit && Encoding.UTF8.GetCharCount(bytes) > limit)
            throw IngestErrors.SharedStringTooLong(file, builder.Count, limit);
        builder.Add(bytes);
    }

    /// <summary>One &lt;si&gt;'s text runs, concatenated as valid UTF-8.</summary>
    private sealed class ItemBytes
    {
        private byte[] _bytes = new byte[256];

        public int Length { get; set; }

        public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

        public void Append(ReadOnlySpan<byte> run)
        {
            if (!System.Text.Unicode.Utf8.IsValid(run))
            {
                // Each run decodes on its own (invalid bytes become U+FFFD), as when runs were decoded one by one.
                Append(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(run)));
                return;
            }
            if ((long)Length + run.Length > _bytes.Length)
                Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max((long)Length + run.Length, _bytes.Length * 2L)));
            run.CopyTo(_bytes.AsSpan(Length));
            Length += run.Length;
        }
    }

    private static void ReadItem(Utf8XmlCursor cursor, Builder builder, ItemBytes item, int limit, string file)
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
                    try
                    {
                        item.Append(cursor.ReadText(limit * 4));
                    }
                    catch (TextTooLongException)
                    {
                        throw IngestErrors.SharedStringTooLong(file, builder.Count, limit);
                    }
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
