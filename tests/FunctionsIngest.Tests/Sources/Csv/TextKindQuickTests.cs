using FunctionsIngest.Data;
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

    /// <summary>Fixed values plus random integers, decimals (long and short), dates and date-times.</summary>
    private static IEnumerable<string> ManyValues(char separator)
    {
        var random = new Random(20261122);
        foreach (var value in Values)
            yield return value.Replace('.', separator);
        for (int i = 0; i < 20_000; i++)
        {
            long whole = random.NextInt64(0, long.MaxValue) >> random.Next(0, 63);
            string sign = random.Next(4) == 0 ? "-" : random.Next(8) == 0 ? "+" : "";
            yield return sign + whole.ToString(CultureInfo.InvariantCulture);
            yield return sign + (whole % 100_000).ToString(CultureInfo.InvariantCulture) + separator + random.NextInt64(0, long.MaxValue).ToString("D19", CultureInfo.InvariantCulture)[..random.Next(1, 19)];
            var at = new DateTime(1900, 1, 1).AddSeconds(random.NextInt64(0, 200L * 365 * 86400));
            yield return at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return at.ToString(random.Next(2) == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr-FR")]
    public void A_value_read_with_its_kind_is_appended_exactly_as_the_converter_appends_the_text(string cultureName)
    {
        var culture = cultureName.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(cultureName);
        char separator = culture.NumberFormat.NumberDecimalSeparator[0];
        int read = 0;
        foreach (var type in new[] { ColumnType.Int64, ColumnType.Double, ColumnType.Date, ColumnType.Timestamp, ColumnType.Boolean, ColumnType.String })
        {
            var converter = new TextConverter(type, culture, null);
            foreach (var value in ManyValues(separator))
            {
                var kind = TextKindQuick.Of(value, separator, parseFraction: true, out long bits, out bool hasValue);
                Assert.Equal(TextKindQuick.Of(value, separator), kind);
                var fromRead = ColumnVector.Create(type, 1);
                if (!hasValue || !converter.TryAppendRead(fromRead, kind, bits))
                    continue;
                read++;
                var fromText = ColumnVector.Create(type, 1);
                Assert.True(converter.TryAppend(fromText, value), $"{value} as {type}: read as {kind} but the converter refuses it");
                Assert.Equal(Fixtures.TableReading.ValueAt(fromText, 0), Fixtures.TableReading.ValueAt(fromRead, 0));
            }
        }
        Assert.True(read > 80_000, $"only {read} values were read with their kind");
    }

    [Fact]
    public void An_override_converter_never_takes_a_read_value()
    {
        var converter = new TextConverter(ColumnType.Boolean, CultureInfo.InvariantCulture, "yes|no") { IsOverride = true };
        Assert.False(converter.TryAppendRead(ColumnVector.Create(ColumnType.Boolean, 1), ValueKind.Boolean, 1));
    }
}
