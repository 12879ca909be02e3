using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Fast paths for the common number shapes; each returns false (caller falls back to the BCL parser) when unsure.
/// Doubles use Clinger's fast path: a mantissa up to 2^53 and a power of ten up to 10^22 are both exact doubles, so
/// one IEEE division gives the correctly rounded result, bit-identical to double.Parse. Larger mantissas (up to 19
/// digits, e.g. the 17 digits of a round-tripped double) go through <see cref="ExactQuotient"/>.
/// Generic over the code unit: UTF-16 chars (CSV, JSON) and UTF-8 bytes (xlsx), one specialised copy each; UTF-8
/// takes runs of eight digits in one 64-bit step.
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
        ulong runs = 0;
        if (typeof(T) == typeof(byte))
            i = EightDigitRuns(MemoryMarshal.AsBytes(s), i, ref runs);
        long v = (long)runs; // at most 18 digits: no overflow
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
        if (typeof(T) == typeof(byte))
            i = EightDigitRuns(MemoryMarshal.AsBytes(s), i, ref mantissa);
        for (uint d; i < s.Length && (d = Digit(s[i])) <= 9; i++)
            mantissa = mantissa * 10 + d;
        int digits = i - start, scale = 0;
        if (i < s.Length)
        {
            if (s[i] != separator)
                return false;
            int fractionStart = ++i;
            if (typeof(T) == typeof(byte))
                i = EightDigitRuns(MemoryMarshal.AsBytes(s), i, ref mantissa);
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

    /// <summary>
    /// Appends each whole run of eight ASCII digits from <paramref name="i"/> on, then one of four, to the mantissa;
    /// returns the index after them. Past 19 digits the mantissa wraps, as the digit-by-digit loop's does, and the caller rejects it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EightDigitRuns(ReadOnlySpan<byte> s, int i, ref ulong mantissa)
    {
        while (s.Length - i >= 8)
        {
            ulong chunk = BinaryPrimitives.ReadUInt64LittleEndian(s[i..]);
            // Every byte is 0x30-0x39 exactly when its high nibble is 3 and adding 6 leaves it 3. A carry out of a
            // byte at or above 0xFA can only spoil the check of the next byte, never pass a non-digit.
            if (((chunk & 0xF0F0F0F0F0F0F0F0) | (((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) != 0x3333333333333333)
                break;
            mantissa = mantissa * 100_000_000 + EightDigitsValue(chunk);
            i += 8;
        }
        if (s.Length - i >= 4)
        {
            uint chunk = BinaryPrimitives.ReadUInt32LittleEndian(s[i..]);
            if (((chunk & 0xF0F0F0F0) | (((chunk + 0x06060606) & 0xF0F0F0F0) >> 4)) == 0x33333333)
            {
                uint digits = chunk - 0x30303030;
                uint pairs = (digits * 10 + (digits >> 8)) & 0x00FF00FF;
                mantissa = mantissa * 10_000 + ((pairs * 100 + (pairs >> 16)) & 0xFFFF);
                i += 4;
            }
        }
        return i;
    }

    /// <summary>
    /// The value of eight ASCII digits loaded little-endian (the first digit in the low byte), by combining
    /// neighbours pairwise: digits into 2-digit numbers, those into 4-digit numbers, those into the 8-digit result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigitsValue(ulong chunk)
    {
        ulong digits = chunk - 0x3030303030303030;
        ulong pairs = (digits * 10 + (digits >> 8)) & 0x00FF00FF00FF00FF;      // each 16-bit lane: 10*first + second
        ulong quads = (pairs * 100 + (pairs >> 16)) & 0x0000FFFF0000FFFF;      // each 32-bit lane: 100*first + second
        return (quads * 10_000 + (quads >> 32)) & 0xFFFFFFFF;                   // 10000*first + second
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
