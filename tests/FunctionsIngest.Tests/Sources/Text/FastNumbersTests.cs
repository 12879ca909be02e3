using System.Globalization;
using System.Text;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Sources.Text;

/// <summary>The fast number paths must give double.Parse's exact bits whenever they answer, for chars and UTF-8 alike.</summary>
public class FastNumbersTests
{
    [Theory]
    [InlineData("9007199254740993")]      // 2^53 + 1: a tie, rounds to even (down)
    [InlineData("9007199254740995")]      // a tie rounding up
    [InlineData("18446744073709551615")]  // 20 digits: not taken
    [InlineData("9999999999999999999")]
    [InlineData("0.30000000000000004")]
    [InlineData("1.7976931348623157")]
    [InlineData("0.030103534939747087")]
    [InlineData("123456789012345678.9")]
    [InlineData("0.0000000000000000001")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("-0.000")]
    [InlineData("-0")]
    [InlineData("+12.5")]
    [InlineData("1.")]
    [InlineData(".5")]
    public void Known_shapes_match_double_parse(string text) => AssertMatches(text);

    [Theory]
    [InlineData("1e5")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    [InlineData("12345678901234567890")]
    public void Other_shapes_are_left_to_the_general_parser(string text)
    {
        Assert.False(FastNumbers.TryDouble(text.AsSpan(), '.', out _));
        Assert.False(FastNumbers.TryDouble(Encoding.UTF8.GetBytes(text).AsSpan(), (byte)'.', out _));
    }

    [Fact]
    public void A_non_digit_anywhere_in_a_run_of_eight_or_four_bytes_is_not_taken_for_a_digit()
    {
        byte[] others = [(byte)'/', (byte)':', (byte)'.', (byte)'e', 0x00, 0x06, 0x29, 0x3F, 0x7F, 0xF9, 0xFA, 0xFF];
        // Two runs of eight, a run of eight and one of four, and shorter ones.
        foreach (var digits in new[] { "1234567890123456", "123456789012", "1234567", "12345", "1234" })
        {
            for (int position = 0; position < digits.Length; position++)
            {
                foreach (var other in others)
                {
                    var bytes = Encoding.ASCII.GetBytes(digits);
                    bytes[position] = other;
                    bool taken = FastNumbers.TryDouble(bytes.AsSpan(), (byte)'.', out double value);
                    if (other == '.')
                    {
                        Assert.True(taken);
                        Assert.Equal(double.Parse(Encoding.ASCII.GetString(bytes), CultureInfo.InvariantCulture), value);
                    }
                    else
                    {
                        Assert.False(taken, $"byte 0x{other:X2} at {position}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Whole_numbers_of_up_to_18_digits_match_long_parse_in_bytes_and_chars()
    {
        var random = new Random(18);
        for (int n = 0; n < 20_000; n++)
        {
            int digits = random.Next(1, 19);
            var text = new StringBuilder(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" });
            for (int d = 0; d < digits; d++)
                text.Append((char)('0' + random.Next(10)));
            var s = text.ToString();
            long expected = long.Parse(s, CultureInfo.InvariantCulture);
            Assert.True(FastNumbers.TryInt64(Encoding.ASCII.GetBytes(s).AsSpan(), out long fromBytes), s);
            Assert.True(FastNumbers.TryInt64(s.AsSpan(), out long fromChars), s);
            Assert.Equal(expected, fromBytes);
            Assert.Equal(expected, fromChars);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1234567890123456789")] // 19 digits: left to the general parser
    [InlineData("12345678x")]
    [InlineData("1234x5678")]
    [InlineData("123456789012/")]
    [InlineData("1.0")]
    [InlineData(" 12")]
    public void Other_whole_number_shapes_are_left_to_the_general_parser(string text)
    {
        Assert.False(FastNumbers.TryInt64(Encoding.ASCII.GetBytes(text).AsSpan(), out _));
        Assert.False(FastNumbers.TryInt64(text.AsSpan(), out _));
    }

    [Fact]
    public void Random_decimals_of_up_to_19_digits_match_double_parse()
    {
        var random = new Random(20261122);
        var text = new StringBuilder();
        int taken = 0;
        for (int n = 0; n < 300_000; n++)
        {
            text.Clear();
            if (random.Next(4) == 0)
                text.Append('-');
            int digits = random.Next(1, 20);
            int point = random.Next(0, digits + 1);
            int leadingZeros = random.Next(3) == 0 ? random.Next(1, 6) : 0;
            if (point == 0)
                text.Append("0.").Append('0', leadingZeros);
            for (int d = 0; d < digits; d++)
            {
                if (d == point && point > 0)
                    text.Append('.');
                text.Append((char)('0' + (d == 0 ? random.Next(1, 10) : random.Next(10))));
            }
            taken += AssertMatches(text.ToString()) ? 1 : 0;
        }
        Assert.True(taken > 290_000, $"the fast path answered only {taken} of 300000");
    }

    [Fact]
    public void Integers_on_and_beside_rounding_ties_above_2_pow_53_match_double_parse()
    {
        var random = new Random(53);
        for (int n = 0; n < 100_000; n++)
        {
            int bits = random.Next(54, 64);
            ulong ulp = 1UL << (bits - 53);
            ulong baseValue = (1UL << (bits - 1)) + (ulong)random.NextInt64(0, 1L << 52) * ulp;
            ulong offset = (ulong)random.Next(5) switch { 0 => ulp / 2, 1 => ulp / 2 - 1, 2 => ulp / 2 + 1, 3 => 0, _ => ulp - 1 };
            Assert.True(AssertMatches((baseValue + offset).ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>True when the fast path answered (both code units agreeing with double.Parse to the bit).</summary>
    private static bool AssertMatches(string text)
    {
        bool chars = FastNumbers.TryDouble(text.AsSpan(), '.', out double fromChars);
        bool bytes = FastNumbers.TryDouble(Encoding.UTF8.GetBytes(text).AsSpan(), (byte)'.', out double fromBytes);
        Assert.Equal(chars, bytes);
        if (!chars)
            return false;
        long expected = BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        Assert.True(expected == BitConverter.DoubleToInt64Bits(fromChars), $"{text}: {fromChars:R} (bits {BitConverter.DoubleToInt64Bits(fromChars):X}), double.Parse gives bits {expected:X}");
        Assert.Equal(expected, BitConverter.DoubleToInt64Bits(fromBytes));
        return true;
    }
}
