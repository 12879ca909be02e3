using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

public class CsvEncodingTests : CsvTestBase
{
    private const string Text = "name,city\nRené,Zürich\n\"Ωmega\",東京\n";

    private List<object?[]> ReadBytes(byte[] bytes, CsvReadOptions? options = null)
    {
        using var reader = Open(WriteBytes(bytes), options);
        Assert.Equal(["name", "city"], Names(reader));
        return ReadAll(reader);
    }

    private static readonly List<object?[]> Expected = [["René", "Zürich"], ["Ωmega", "東京"]];

    [Fact]
    public void Utf8_with_and_without_bom()
    {
        AssertRows(Expected, ReadBytes(Encoding.UTF8.GetBytes(Text)));
        AssertRows(Expected, ReadBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)]));
    }

    [Fact]
    public void Utf16_by_bom_whatever_the_option_says()
    {
        AssertRows(Expected, ReadBytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)]));
        AssertRows(Expected, ReadBytes([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)], new CsvReadOptions { Encoding = "windows-1252" }));
    }

    [Fact]
    public void Utf16_without_bom_by_name()
    {
        AssertRows(Expected, ReadBytes(Encoding.Unicode.GetBytes(Text), new CsvReadOptions { Encoding = "utf-16le" }));
        AssertRows(Expected, ReadBytes(Encoding.BigEndianUnicode.GetBytes(Text), new CsvReadOptions { Encoding = "utf-16be" }));
    }

    [Fact]
    public void Windows_1252_bytes_decode_by_name()
    {
        // 0xE9 = é, 0x80 = €, 0x93/0x94 = curly quotes in Windows-1252
        byte[] bytes = [.. "a,b\nRen"u8, 0xE9, (byte)',', 0x80, (byte)'5', (byte)'\n', 0x93, (byte)'q', 0x94, (byte)',', (byte)'x', (byte)'\n'];
        using var reader = Open(WriteBytes(bytes), new CsvReadOptions { Encoding = "windows-1252" });
        AssertRows([["René", "€5"], ["\u201Cq\u201D", "x"]], ReadAll(reader));
    }

    [Fact]
    public void Windows_1252_bytes_read_as_utf8_fail_naming_the_line_and_the_fix()
    {
        byte[] bytes = [.. "a,b\nx,y\nRen"u8, 0xE9, (byte)',', (byte)'z', (byte)'\n'];
        var path = WriteBytes(bytes);
        var ex = Assert.Throws<IngestException>(() => Open(path));
        Assert.Equal("data.csv", ex.File);
        Assert.StartsWith("'data.csv', line 3: the bytes are not valid utf-8; if the file was saved by an older tool, set the encoding to windows-1252.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_encoding_name_is_an_error()
    {
        var path = WriteText("a\n1\n");
        var ex = Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { Encoding = "klingon-8" }));
        Assert.Equal("'data.csv': the encoding 'klingon-8' is not known; use utf-8, utf-16le, utf-16be or windows-1252.", ex.Message);
    }
}
