using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// FIXED_LEN_BYTE_ARRAY columns (UUID, wide DECIMAL): PLAIN is the raw bytes back to back.
/// Min/max: unsigned bytes for UUID, signed big-endian for DECIMAL.
/// </summary>
internal sealed class FixedLenByteArrayColumnWriter : ColumnWriter
{
    private readonly ByteBuffer _values = new(1 << 12);
    private readonly PageAndChunkStatistics<BytesStatistics> _stats;
    private readonly int _width;

    public FixedLenByteArrayColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
        _width = column.TypeLength;
        bool signed = column.Logical == LogicalKind.Decimal;
        _stats = new(new BytesStatistics(signed, utf8: false, context.Options.StatisticsTruncateLength), new BytesStatistics(signed, utf8: false, context.Options.StatisticsTruncateLength));
    }

    public int Width => _width;

    protected override long EstimatedPageValueBytes => _values.Length;

    /// <summary>Appends <paramref name="isNull"/>.Length (or packed/width) rows; <paramref name="packed"/> holds every row's bytes, null rows included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<byte> packed, ReadOnlySpan<bool> isNull)
    {
        int rows = packed.Length / _width;
        CheckNullMask(isNull, rows);
        int i = 0;
        while (i < rows)
        {
            int take = Math.Min(rows - i, RowsRoomInPage);
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

                var value = packed.Slice((i + j) * _width, _width);
                _values.Write(value);
                _stats.Page.Update(value);
            }

            i += take;
            Advance(take, nulls);
        }
    }

    protected override Encoding WritePageValues(ByteBuffer body, int nonNullCount)
    {
        body.Write(_values.WrittenSpan);
        _values.Clear();
        return Encoding.Plain;
    }

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);

    public override void Dispose()
    {
        _values.Dispose();
        _stats.Page.Dispose();
        _stats.Chunk.Dispose();
        base.Dispose();
    }
}
