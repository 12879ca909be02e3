using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FunctionsIngest.Parquet.Statistics;

/// <summary>
/// Min/max of INT32/INT64 values for a page or chunk. Unsigned columns (INT(n, false)) flip the sign bit so that
/// signed comparison gives unsigned order; the flip is undone when encoding.
/// </summary>
internal sealed class IntegerStatistics<T> : IMergeableStatistics<IntegerStatistics<T>>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly T _flip;
    private T _min, _max;

    public IntegerStatistics(bool unsigned)
    {
        _flip = unsigned ? T.MinValue : T.Zero;
        Reset();
    }

    public bool HasValues { get; private set; }

    public bool Unsigned => _flip != T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty) return;
        T min = _min, max = _max, flip = _flip;
        foreach (T raw in values)
        {
            T v = raw ^ flip;
            if (v < min) min = v;
            if (v > max) max = v;
        }

        (_min, _max) = (min, max);
        HasValues = true;
    }

    public void MergeInto(IntegerStatistics<T> target)
    {
        if (!HasValues) return;
        if (_min < target._min) target._min = _min;
        if (_max > target._max) target._max = _max;
        target.HasValues = true;
    }

    public EncodedStatistics Build(long nullCount)
    {
        if (!HasValues) return new EncodedStatistics(nullCount, null, null);
        return new EncodedStatistics(nullCount, Bytes(_min ^ _flip), Bytes(_max ^ _flip)) { WriteLegacy = !Unsigned };
    }

    public void Reset()
    {
        _min = T.MaxValue;
        _max = T.MinValue;
        HasValues = false;
    }

    private static byte[] Bytes(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
}
