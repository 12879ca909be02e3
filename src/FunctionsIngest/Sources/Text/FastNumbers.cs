using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Fast paths for the common number shapes; each returns false (caller falls back to the BCL parser) when unsure.
/// Doubles use Clinger's fast path: a mantissa of at most 15 digits and a power of ten up to 10^22 are both exact
/// doubles, so one IEEE division gives the correctly rounded result, bit-identical to double.Parse.
/// </summary>
internal static class FastNumbers
{
    private static readonly double[] Powers = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>[sign] 1-18 ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryInt64(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }
        int digits = s.Length - i;
        if (digits is < 1 or > 18)
            return false;
        long v = 0;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9)
                return false;
            v = v * 10 + d;
        }
        value = negative ? -v : v;
        return true;
    }

    /// <summary>[sign] digits [separator digits], at most 15 digits in all, no exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDouble(ReadOnlySpan<char> s, char separator, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0, fraction = -1;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            uint d = (uint)(c - '0');
            if (d <= 9)
            {
                mantissa = mantissa * 10 + d;
                digits++;
                if (fraction >= 0)
                    fraction++;
            }
            else if (c == separator && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits is < 1 or > 15)
            return false;
        double result = fraction > 0 ? mantissa / Powers[fraction] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}
