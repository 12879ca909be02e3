using System.Globalization;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Sources.Csv;

/// <summary>The inference shortcut must answer exactly as the full classification, or not at all.</summary>
public class TextKindQuickTests
{
    private static readonly string[] Values =
    [
        "0", "7", "-0", "+5", "-", "+", "12345678901234567", "123456789012345678", "1234567890123456789", "-12345678901234567",
        "007", "-007", "01.5", "0.5", "-0.25", "1.", ".5", "1,5", "-1,5", "1e5", "1.5e3", "1.2.3", "1,2,3", " 5", "5 ", "5\t",
        "2024-01-02", "2024-02-30", "2024-13-01", "2024-1-02", "2024-01-02 03:04:05", "2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05.1234567+02:00", "2024-01-02 03:04", "2024-01-02 25:04:05", "2024-01-02 03:04:05 ", "2024-01-02x",
        "12/31/2024", "31.12.2024", "31/12/2024", "true", "TRUE", "False", "true ", "truth", "t", "yes", "NaN", "abc", "٣",
    ];

    [Theory]
    [InlineData("")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void Answers_only_what_classify_answers(string cultureName)
    {
        var culture = cultureName.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(cultureName);
        char separator = culture.NumberFormat.NumberDecimalSeparator[0];
        foreach (var value in Values)
        {
            var quick = TextKindQuick.Of(value, separator);
            if (quick != ValueKind.None)
                Assert.True(quick == TextValues.Classify(value, culture), $"{value} in '{cultureName}': quick {quick}, classify {TextValues.Classify(value, culture)}");
        }
    }

    [Fact]
    public void Answers_the_common_shapes()
    {
        Assert.Equal(ValueKind.Integer, TextKindQuick.Of("-123", '.'));
        Assert.Equal(ValueKind.Fractional, TextKindQuick.Of("0.12345678901234567", '.'));
        Assert.Equal(ValueKind.Fractional, TextKindQuick.Of("-3,25", ','));
        Assert.Equal(ValueKind.Date, TextKindQuick.Of("2024-02-29", '.'));
        Assert.Equal(ValueKind.DateTime, TextKindQuick.Of("2024-02-29 23:59:59", '.'));
        Assert.Equal(ValueKind.Boolean, TextKindQuick.Of("False", '.'));
        Assert.Equal(ValueKind.None, TextKindQuick.Of("00123", '.'));
    }
}
