using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Statistics;

/// <summary>
/// Min/max of BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY values: unsigned lexicographic bytes (= code point order for UTF-8),
/// or, for FLBA/BYTE_ARRAY decimals, signed big-endian order (first byte compared signed). Long values are truncated.
/// </summary>
internal sealed class BytesStatistics : IMergeableStatistics<BytesStatistics>, IDisposable
{
    private readonly ByteBuffer _min = new(64), _max = new(64);
    private readonly bool _signed;
    private readonly bool _utf8;
    private readonly int _truncateLength;

    public BytesStatistics(bool signed, bool utf8, int truncateLength)
    {
        _signed = signed;
        _utf8 = utf8;
        _truncateLength = truncateLength;
    }

    public bool HasValues { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(ReadOnlySpan<byte> value)
    {
        if (!HasValues)
        {
            _min.Write(value);
            _max.Write(value);
            HasValues = true;
            return;
        }

        if (Compare(value, _min.WrittenSpan) < 0)
        {
            _min.Clear();
            _min.Write(value);
        }
        else if (Compare(value, _max.WrittenSpan) > 0)
        {
            _max.Clear();
            _max.Write(value);
        }
    }

    public void MergeInto(BytesStatistics target)
    {
        if (!HasValues) return;
        target.Update(_min.WrittenSpan);
        target.Update(_max.WrittenSpan);
    }

    public EncodedStatistics Build(long nullCount)
    {
        if (!HasValues) return new EncodedStatistics(nullCount, null, null);
        if (_signed)
        {
            // Decimals are fixed-width numbers: never truncate, and legacy min/max are valid (signed order).
            return new EncodedStatistics(nullCount, _min.WrittenSpan.ToArray(), _max.WrittenSpan.ToArray()) { WriteLegacy = true };
        }

        var (min, minExact) = StatisticsTruncation.Min(_min.WrittenSpan, _truncateLength, _utf8);
        var (max, maxExact) = StatisticsTruncation.Max(_max.WrittenSpan, _truncateLength, _utf8);
        return max is null ? new EncodedStatistics(nullCount, null, null) : new EncodedStatistics(nullCount, min, max, minExact, maxExact);
    }

    public void Reset()
    {
        _min.Clear();
        _max.Clear();
        HasValues = false;
    }

    public int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (_signed && a.Length > 0 && b.Length > 0 && a[0] != b[0]) return ((sbyte)a[0]).CompareTo((sbyte)b[0]);
        return a.SequenceCompareTo(b);
    }

    public void Dispose()
    {
        _min.Dispose();
        _max.Dispose();
    }
}
