using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Where unquoted fields end, 64 chars at a time: bit k of the mask says char start + k is the delimiter, CR or LF.
/// Records of short fields find several ends per mask instead of starting a vector search per field.
/// </summary>
internal sealed partial class CsvParser
{
    private const int MaskChars = 64;
    private ulong _stopMask;
    private int _maskStart;
    private int _maskEnd;   // the mask covers [_maskStart, _maskEnd); empty after every refill of the buffer

    /// <summary>The index of the first delimiter, CR or LF at or after <paramref name="i"/> and before <paramref name="len"/>; -1 if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextPlainStop(int i, int len)
    {
        while (true)
        {
            if (i >= _maskStart && i < _maskEnd)
            {
                ulong rest = _stopMask >> (i - _maskStart);
                if (rest != 0)
                    return i + BitOperations.TrailingZeroCount(rest);
                i = _maskEnd;
            }
            if (i >= len)
                return -1;
            BuildStopMask(i, len);
        }
    }

    private void ForgetStopMask() => _maskStart = _maskEnd = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildStopMask(int start, int len)
    {
        int n = Math.Min(MaskChars, len - start);
        char delimiter = _dialect.Delimiter;
        ulong mask = 0;
        if (n == MaskChars && Vector128.IsHardwareAccelerated)
        {
            ref ushort at = ref Unsafe.As<char, ushort>(ref _buf[start]);
            var d = Vector128.Create((ushort)delimiter);
            var cr = Vector128.Create((ushort)'\r');
            var lf = Vector128.Create((ushort)'\n');
            for (int k = 0; k < MaskChars; k += 16)
            {
                var low = Vector128.LoadUnsafe(ref at, (nuint)k);
                var high = Vector128.LoadUnsafe(ref at, (nuint)(k + 8));
                // Compare as 16-bit chars, then narrow the 0/FFFF results: narrowing the chars first would turn
                // U+012C into ','.
                var lowHits = Vector128.Equals(low, d) | Vector128.Equals(low, cr) | Vector128.Equals(low, lf);
                var highHits = Vector128.Equals(high, d) | Vector128.Equals(high, cr) | Vector128.Equals(high, lf);
                mask |= (ulong)Vector128.Narrow(lowHits, highHits).ExtractMostSignificantBits() << k;
            }
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                char c = _buf[start + k];
                if (c == delimiter || c == '\r' || c == '\n')
                    mask |= 1UL << k;
            }
        }
        _stopMask = mask;
        _maskStart = start;
        _maskEnd = start + n;
    }
}
