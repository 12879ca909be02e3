using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FunctionsIngest.Parquet.Statistics;

/// <summary>
/// Min/max of FLOAT/DOUBLE under TYPE_ORDER (parquet.thrift ColumnOrder): NaN excluded and counted in nan_count,
/// no min/max when every value is NaN, a zero min written as -0.0 and a zero max as +0.0.
/// </summary>
internal sealed class FloatingStatistics<T> : IMergeableStatistics<FloatingStatistics<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T _min, _max;
    private long _nans;

    public FloatingStatistics() => Reset();

    public bool HasValues { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(ReadOnlySpan<T> values)
    {
        T min = _min, max = _max;
        long nans = 0;
        foreach (T v in values)
        {
            if (T.IsNaN(v))
            {
                nans++;
                continue;
            }

            if (v < min) min = v;
            if (v > max) max = v;
        }

        if (nans < values.Length) HasValues = true;
        (_min, _max) = (min, max);
        _nans += nans;
    }

    public void MergeInto(FloatingStatistics<T> target)
    {
        target._nans += _nans;
        if (!HasValues) return;
        if (_min < target._min) target._min = _min;
        if (_max > target._max) target._max = _max;
        target.HasValues = true;
    }

    public EncodedStatistics Build(long nullCount)
    {
        if (!HasValues) return new EncodedStatistics(nullCount, null, null, NanCount: _nans);
        T min = T.IsZero(_min) ? T.NegativeZero : _min;
        T max = T.IsZero(_max) ? T.Zero : _max;
        return new EncodedStatistics(nullCount, Bytes(min), Bytes(max), NanCount: _nans) { WriteLegacy = true };
    }

    public void Reset()
    {
        _min = T.PositiveInfinity;
        _max = T.NegativeInfinity;
        _nans = 0;
        HasValues = false;
    }

    private static byte[] Bytes(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
}
