using FunctionsIngest.Sources.Csv;

namespace FunctionsIngest.Tests.Sources.Csv;

/// <summary>Tiny read buffers put every buffer boundary inside quotes, doubled quotes and CRLF pairs.</summary>
public class CsvParserBoundaryTests
{
    private const string Tricky =
        "h1,h2,h3\r\n\"a\"\"b\",\"\",c\r\n\r\n\"x\r\ny\",\"\"\"\"\"\",z\rlast,\"q,\"\"\",\n\n\"end\"";

    private static List<string> Records(string text, int bufferChars, char escape = '"')
    {
        var parser = new CsvParser(new StringReader(text), "t.csv", new CsvDialect(',', '"', escape), bufferChars);
        var records = new List<string>();
        while (parser.ReadRecord())
        {
            var fields = Enumerable.Range(0, parser.FieldCount).Select(i => (parser.IsQuoted(i) ? "q:" : "") + parser.Field(i).ToString());
            records.Add(parser.RecordLine + "|" + string.Join("|", fields));
        }
        return records;
    }

    [Fact]
    public void Every_buffer_size_gives_the_same_records()
    {
        List<string> expected =
        [
            "1|h1|h2|h3",
            "2|q:a\"b|q:|c",
            "4|q:x\r\ny|q:\"\"|z",
            "6|last|q:q,\"|",
            "8|q:end",
        ];
        Assert.Equal(expected, Records(Tricky, 1 << 16));
        for (int size = 16; size <= 48; size++)
            Assert.Equal(expected, Records(Tricky, size));
    }

    [Fact]
    public void Backslash_escapes_survive_buffer_boundaries()
    {
        const string text = "\"a\\\"b\\\\\",\"c\\\nd\"\r\ne,f";
        List<string> expected = ["1|q:a\"b\\|q:c\nd", "3|e|f"];
        for (int size = 16; size <= 30; size++)
            Assert.Equal(expected, Records(text, size, '\\'));
    }

    [Fact]
    public void Skipped_lines_are_counted_across_boundaries()
    {
        var parser = new CsvParser(new StringReader("junk \"one\r\njunk two\rjunk three\na,b\n"), "t.csv", new CsvDialect(',', '"', '"'), 16);
        parser.SkipLines(3);
        Assert.True(parser.ReadRecord());
        Assert.Equal(4, parser.RecordLine);
        Assert.Equal("a", parser.Field(0).ToString());
        Assert.Equal("b", parser.Field(1).ToString());
        Assert.False(parser.ReadRecord());
    }

    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    [InlineData(';')]
    public void Unquoted_fields_end_at_the_same_places_as_a_char_by_char_split(char delimiter)
    {
        // Field ends are found 64 chars at a time: long and short fields, ends on every offset of a 64-char window,
        // CR/CRLF/LF endings, and chars whose low byte is the delimiter, CR or LF (U+012C, U+010D, U+010A, U+0109).
        var random = new Random(7);
        string alphabet = "ab\u012C\u010D\u010A\u0109\u00E9\U0001F600 1";
        var lines = new List<string>();
        for (int r = 0; r < 300; r++)
        {
            int fields = 1 + random.Next(12);
            lines.Add(string.Join(delimiter, Enumerable.Range(0, fields).Select(_ =>
                new string(Enumerable.Range(0, random.Next(r % 5 == 0 ? 150 : 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))));
        }
        string[] endings = ["\n", "\r\n", "\r"];
        var text = string.Concat(lines.Select((line, i) => line + endings[i % 3]));
        var expected = lines.Where(l => l.Length > 0).Select(l => string.Join("|", l.Split(delimiter))).ToList();
        foreach (int size in new[] { 1 << 16, 100, 67, 64, 63, 17 })
        {
            var parser = new CsvParser(new StringReader(text), "t.csv", new CsvDialect(delimiter, '"', '"'), size);
            var records = new List<string>();
            while (parser.ReadRecord())
                records.Add(string.Join("|", Enumerable.Range(0, parser.FieldCount).Select(i => parser.Field(i).ToString())));
            Assert.Equal(expected, records);
        }
    }
}
