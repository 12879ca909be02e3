using System.Numerics;
using FunctionsIngest.Parquet.Format;

namespace FunctionsIngest.Parquet.Schema;

/// <summary>
/// Physical layout of DECIMAL(p, s) (LogicalTypes.md): INT32 for p &lt;= 9, INT64 for p &lt;= 18, otherwise the smallest
/// FIXED_LEN_BYTE_ARRAY(n) with p &lt;= floor(log10(2^(8n-1) - 1)), holding big-endian two's complement.
/// </summary>
internal static class DecimalLayout
{
    public const int MaxPrecision = 38;

    public static ColumnDescriptor Describe(ColumnDescriptor d, int precision, int scale)
    {
        if (precision is < 1 or > MaxPrecision)
            throw new ArgumentException($"Column '{d.Name}': decimal precision must be 1..{MaxPrecision}, got {precision}.");
        if (scale < 0 || scale > precision)
            throw new ArgumentException($"Column '{d.Name}': decimal scale must be 0..precision ({precision}), got {scale}.");
        d = d with { Logical = LogicalKind.Decimal, Converted = ConvertedType.Decimal, Precision = precision, Scale = scale };
        if (precision <= 9) return d with { Physical = PhysicalType.Int32 };
        if (precision <= 18) return d with { Physical = PhysicalType.Int64 };
        return d with { Physical = PhysicalType.FixedLenByteArray, TypeLength = BytesFor(precision) };
    }

    /// <summary>Smallest n whose signed range holds every p-digit number.</summary>
    public static int BytesFor(int precision)
    {
        var limit = BigInteger.Pow(10, precision) - 1;
        int n = 1;
        while ((BigInteger.One << ((8 * n) - 1)) - 1 < limit) n++;
        return n;
    }

    /// <summary>10^p - 1 for p &lt;= 18.</summary>
    public static long MaxUnscaled(int precision)
    {
        long max = 1;
        for (int i = 0; i < precision; i++) max *= 10;
        return max - 1;
    }

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/>; false if digits would be lost.</summary>
    public static bool TryUnscale(decimal value, int scale, out BigInteger unscaled)
    {
        // decimal = mantissa / 10^valueScale; need mantissa * 10^(scale - valueScale) to be an integer.
        int valueScale = value.Scale;
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (value < 0) mantissa = -mantissa;
        if (valueScale <= scale)
        {
            unscaled = mantissa * BigInteger.Pow(10, scale - valueScale);
            return true;
        }

        var divisor = BigInteger.Pow(10, valueScale - scale);
        unscaled = BigInteger.DivRem(mantissa, divisor, out var remainder);
        return remainder.IsZero;
    }
}
