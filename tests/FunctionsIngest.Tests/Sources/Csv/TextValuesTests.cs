using System.Globalization;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Sources.Csv;

public class TextValuesTests
{
    [Fact]
    public void Fast_double_path_is_bit_identical_to_double_parse()
    {
        var random = new Random(7);
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < 200_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-6, 12)) * (random.Next(2) == 0 ? -1 : 1)).ToString("F" + random.Next(0, 9), inv);
            Assert.True(TextValues.TryParseDouble(text, inv, out double fast), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, inv)), BitConverter.DoubleToInt64Bits(fast));
        }
    }

    [Theory]
    [InlineData("-0", 0L)]
    [InlineData("+17", 17L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("999999999999999999", 999999999999999999L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Int64_parses_signs_spaces_and_the_full_range(string text, long expected)
    {
        Assert.True(TextValues.TryParseInt64(text, CultureInfo.InvariantCulture, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5", ",")]
    [InlineData("1e", ".")]
    [InlineData("--1", ".")]
    [InlineData("NaN", ".")]
    [InlineData("1,000", ".")]
    public void Text_that_is_not_a_number_in_the_culture_is_rejected(string text, string separator)
    {
        var culture = separator == "," ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture;
        Assert.False(TextValues.TryParseDouble(text, culture, out _));
    }

    [Theory]
    [InlineData("12", "Integer")]
    [InlineData("0", "Integer")]
    [InlineData("012", "Text")]
    [InlineData("1.50", "Fractional")]
    [InlineData("-.5", "Fractional")]
    [InlineData("1e-3", "Fractional")]
    [InlineData("TRUE", "Boolean")]
    [InlineData("yes", "Text")]
    [InlineData("2024-02-30", "Text")]
    [InlineData("2024-02-29", "Date")]
    [InlineData("2024-02-29T25:00", "Text")]
    [InlineData("2024-02-29T23:00", "DateTime")]
    [InlineData("12:30:00", "Text")]
    public void Classify_gives_the_kind_of_one_field(string text, string expected)
    {
        Assert.Equal(expected, TextValues.Classify(text, CultureInfo.InvariantCulture).ToString());
    }
}
