using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>BOOLEAN columns: PLAIN bit-packed values; min/max as 1-byte 0/1 (false &lt; true).</summary>
internal sealed class BooleanColumnWriter : ColumnWriter
{
    private bool[] _values = new bool[256];
    private int _count;
    private bool _sawFalse, _sawTrue, _chunkSawFalse, _chunkSawTrue;

    public BooleanColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
    }

    protected override long EstimatedPageValueBytes => (_count + 7) / 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<bool> values, ReadOnlySpan<bool> isNull)
    {
        CheckNullMask(isNull, values.Length);
        int i = 0;
        while (i < values.Length)
        {
            int take = Math.Min(values.Length - i, RowsRoomInPage);
            if (_count + take > _values.Length) Array.Resize(ref _values, Math.Max(_count + take, _values.Length * 2));
            var levels = Column.Required ? default : LevelsFor(take);
            int nulls = 0;
            for (int j = 0; j < take; j++)
            {
                bool isNullValue = !isNull.IsEmpty && isNull[i + j];
                if (!levels.IsEmpty) levels[j] = isNullValue ? (byte)0 : (byte)1;
                if (isNullValue)
                {
                    nulls++;
                    continue;
                }

                bool v = values[i + j];
                _values[_count++] = v;
                if (v) _sawTrue = true;
                else _sawFalse = true;
            }

            i += take;
            Advance(take, nulls);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override Encoding WritePageValues(ByteBuffer body, int nonNullCount)
    {
        PlainEncoder.WriteBooleans(_values.AsSpan(0, _count), body);
        _count = 0;
        return Encoding.Plain;
    }

    private static EncodedStatistics Build(long nullCount, bool sawFalse, bool sawTrue) => sawFalse || sawTrue
        ? new EncodedStatistics(nullCount, [sawFalse ? (byte)0 : (byte)1], [sawTrue ? (byte)1 : (byte)0]) { WriteLegacy = true }
        : new EncodedStatistics(nullCount, null, null);

    protected override EncodedStatistics CompletePageStatistics(long nullCount)
    {
        var stats = Build(nullCount, _sawFalse, _sawTrue);
        _chunkSawFalse |= _sawFalse;
        _chunkSawTrue |= _sawTrue;
        _sawFalse = _sawTrue = false;
        return stats;
    }

    protected override EncodedStatistics TakeChunkStatistics(long nullCount)
    {
        var stats = Build(nullCount, _chunkSawFalse, _chunkSawTrue);
        _chunkSawFalse = _chunkSawTrue = false;
        return stats;
    }
}
