using System.Numerics;
using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Fast paths for the common number shapes; each returns false (caller falls back to the BCL parser) when unsure.
/// Doubles use Clinger's fast path: a mantissa up to 2^53 and a power of ten up to 10^22 are both exact doubles, so
/// one IEEE division gives the correctly rounded result, bit-identical to double.Parse. Larger mantissas (up to 19
/// digits, e.g. the 17 digits of a round-tripped double) go through <see cref="ExactQuotient"/>.
/// Generic over the code unit: UTF-16 chars (CSV, JSON) and UTF-8 bytes (xlsx), one specialised copy each.
/// </summary>
internal static class FastNumbers
{
    private static readonly double[] Powers = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>[sign] 1-18 ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryInt64<T>(ReadOnlySpan<T> s, out long value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && IsSign(s[0], out negative))
            i = 1;
        int digits = s.Length - i;
        if (digits is < 1 or > 18)
            return false;
        long v = 0;
        for (; i < s.Length; i++)
        {
            uint d = Digit(s[i]);
            if (d > 9)
                return false;
            v = v * 10 + d;
        }
        value = negative ? -v : v;
        return true;
    }

    /// <summary>[sign] digits [separator digits], at most 19 digits in all, no exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDouble<T>(ReadOnlySpan<T> s, T separator, out double value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && IsSign(s[0], out negative))
            i = 1;
        int start = i;
        ulong mantissa = 0;
        for (uint d; i < s.Length && (d = Digit(s[i])) <= 9; i++)
            mantissa = mantissa * 10 + d;
        int digits = i - start, scale = 0;
        if (i < s.Length)
        {
            if (s[i] != separator)
                return false;
            int fractionStart = ++i;
            for (uint d; i < s.Length && (d = Digit(s[i])) <= 9; i++)
                mantissa = mantissa * 10 + d;
            if (i < s.Length)
                return false;
            scale = i - fractionStart;
            digits += scale;
        }
        if (digits is 0 or > 19) // past 19 digits the mantissa may have wrapped
            return false;
        double result;
        if (mantissa <= 1UL << 53 && scale < Powers.Length)
            result = scale > 0 ? mantissa / Powers[scale] : mantissa;
        else if (scale < PowersOfTen.Length)
            result = ExactQuotient(mantissa, scale);
        else
            return false;
        value = negative ? -result : result;
        return true;
    }

    private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 20).Select(k => (ulong)BigInteger.Pow(10, k))];

    /// <summary>
    /// mantissa / 10^scale correctly rounded (ties to even), for a mantissa that is not an exact double: the quotient
    /// is scaled by 2^shift into [2^52, 2^53) with 128-bit integers, rounded on the exact remainder, then scaled back
    /// (exact, as the result is a normal double).
    /// </summary>
    private static double ExactQuotient(ulong mantissa, int scale)
    {
        ulong divisor = PowersOfTen[scale];
        int shift = 53 - (64 - BitOperations.LeadingZeroCount(mantissa)) + (64 - BitOperations.LeadingZeroCount(divisor));
        UInt128 quotient, remainder, denominator;
        while (true)
        {
            UInt128 numerator = shift >= 0 ? (UInt128)mantissa << shift : mantissa;
            denominator = shift >= 0 ? divisor : (UInt128)divisor << -shift;
            (quotient, remainder) = UInt128.DivRem(numerator, denominator);
            if (quotient >= (UInt128)1 << 53)
                shift--;
            else if (quotient < (UInt128)1 << 52)
                shift++;
            else
                break;
        }
        UInt128 twice = remainder << 1;
        if (twice > denominator || (twice == denominator && (quotient & 1) == 1))
            quotient++;
        return Math.ScaleB((double)(ulong)quotient, -shift); // quotient may have rounded up to 2^53: still exact
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit<T>(T unit) where T : unmanaged, IBinaryInteger<T> => uint.CreateTruncating(unit) - '0';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSign<T>(T unit, out bool negative) where T : unmanaged, IBinaryInteger<T>
    {
        uint u = uint.CreateTruncating(unit);
        negative = u == '-';
        return negative || u == '+';
    }
}
