using System.Buffers.Text;
using System.Text;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Tests.Sources.Excel;

public class Utf8Int32Tests
{
    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("000000012")]
    [InlineData("123456789")]
    [InlineData("1234567890")]
    [InlineData("2147483647")]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("12a")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("/")]
    [InlineData(":")]
    public void Agrees_with_Utf8Parser_on_the_whole_span(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        bool expected = Utf8Parser.TryParse(bytes, out int parsed, out int used) && used == bytes.Length;
        Assert.Equal(expected, Utf8Int32.TryParseWhole(bytes, out int value));
        if (expected)
            Assert.Equal(parsed, value);
    }

    [Fact]
    public void Agrees_with_Utf8Parser_on_random_digit_strings()
    {
        var random = new Random(11);
        for (int n = 0; n < 20_000; n++)
        {
            var bytes = new byte[random.Next(1, 12)];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)(random.Next(20) == 0 ? "+-x/:"[random.Next(5)] : '0' + random.Next(10));
            bool expected = Utf8Parser.TryParse(bytes, out int parsed, out int used) && used == bytes.Length;
            Assert.Equal(expected, Utf8Int32.TryParseWhole(bytes, out int value));
            if (expected)
                Assert.Equal(parsed, value);
        }
    }
}
