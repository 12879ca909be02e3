using System.Text;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>
/// The cursor parses a read-ahead stream's chunks in place, the unread bytes of one carried in front of the next, and
/// falls back to its own buffer for a token longer than the headroom: the tokens must be those it reads from a plain
/// stream, whatever the chunk size.
/// </summary>
public class Utf8XmlCursorChunkTests
{
    private static byte[] Document()
    {
        var random = new Random(4);
        var xml = new StringBuilder("<?xml version=\"1.0\"?><root xmlns:x=\"urn:x\">");
        for (int i = 0; i < 400; i++)
        {
            int length = i % 50 == 7 ? ReadAheadStream.Headroom * 3 / 2 : random.Next(0, 80); // some runs longer than the headroom
            var text = new string((char)('a' + i % 26), length);
            xml.Append($"<x:row r=\"{i}\" spans=\"1:{random.Next(1, 9)}\"><t>{text}&amp;{i}</t><v>{random.NextDouble()}</v><!-- c{i} --><e/></x:row>");
            if (i % 97 == 3)
                xml.Append($"<t xml:space='preserve'><![CDATA[<raw {i}>]]>line\r\nnext</t>");
        }
        xml.Append("</root>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    private static List<string> Tokens(Stream stream)
    {
        var tokens = new List<string>();
        using var cursor = new Utf8XmlCursor(stream, maxTokenBytes: 1 << 20, bufferSize: 256);
        while (true)
        {
            var kind = cursor.NextTag();
            if (kind == TagKind.EndOfDocument)
                return tokens;
            var token = new StringBuilder($"{kind} {Encoding.UTF8.GetString(cursor.LocalName)}");
            if (kind == TagKind.StartTag)
            {
                for (int i = 0; i < cursor.AttributeCount; i++)
                    token.Append($" {Encoding.UTF8.GetString(cursor.AttributeName(i))}={Encoding.UTF8.GetString(cursor.AttributeValue(i))}");
                if (!cursor.IsEmptyElement && cursor.LocalName.SequenceEqual("t"u8))
                    token.Append(" text=").Append(Encoding.UTF8.GetString(cursor.ReadText(1 << 20)));
            }
            tokens.Add(token.ToString());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(5000)]
    [InlineData(1 << 18)]
    public void Tokens_from_lent_chunks_are_those_of_a_plain_stream(int chunkSize)
    {
        var document = Document();
        var expected = Tokens(new MemoryStream(document));

        var actual = Tokens(new ReadAheadStream(new MemoryStream(document), chunkSize, chunks: 3));

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
        Assert.Contains(expected, t => t.Contains(new string('h', ReadAheadStream.Headroom * 3 / 2), StringComparison.Ordinal));
    }

    [Fact]
    public void A_ring_of_one_chunk_is_read_through_copies_not_lent()
    {
        var document = Document();
        using var single = new ReadAheadStream(new MemoryStream(document), chunkSize: 100, chunks: 1);
        Assert.False(single.CanLendChunks);
        Assert.Throws<InvalidOperationException>(() => single.TryTakeChunk([], out _, out _, out _));

        var actual = Tokens(new ReadAheadStream(new MemoryStream(document), chunkSize: 100, chunks: 1));

        Assert.Equal(Tokens(new MemoryStream(document)), actual);
    }
}
