using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Statistics;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// BYTE_ARRAY columns (String, Json, Binary). Strings/JSON start dictionary-encoded (see <see cref="DictionaryPolicy"/>);
/// binary is PLAIN. Min/max compare raw (UTF-8) bytes unsigned, which for UTF-8 equals code point order.
/// </summary>
internal sealed partial class ByteArrayColumnWriter : ColumnWriter
{
    private readonly ByteBuffer _plain = new(1 << 12);
    private readonly PageAndChunkStatistics<BytesStatistics> _stats;
    private readonly bool _textual;

    public ByteArrayColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
        _textual = column.Type is ParquetColumnType.String or ParquetColumnType.Json;
        _dictionaryMode = _textual && context.Options.UseDictionary;
        _stats = new(new BytesStatistics(signed: false, utf8: _textual, context.Options.StatisticsTruncateLength), new BytesStatistics(signed: false, utf8: _textual, context.Options.StatisticsTruncateLength));
    }

    protected override long EstimatedPageValueBytes => _dictionaryMode ? EstimatedIndexBytes : _plain.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteStrings(ReadOnlySpan<string?> values)
    {
        if (Column.Required && values.IndexOf((string?)null) is int nullAt and >= 0) ThrowNullInRequired(nullAt);
        int i = 0;
        while (i < values.Length)
        {
            int take = Math.Min(values.Length - i, RowsRoomInPage);
            var levels = Column.Required ? default : LevelsFor(take);
            int nulls = 0, j = 0;
            for (; j < take; j++)
            {
                string? s = values[i + j];
                if (!levels.IsEmpty) levels[j] = s is null ? (byte)0 : (byte)1;
                if (s is null)
                {
                    nulls++;
                    continue;
                }

                if (_dictionaryMode)
                {
                    AddToDictionary(s);
                }
                else
                {
                    int at = PlainEncoder.WriteString(s, _plain);
                    _stats.Page.Update(_plain.WrittenSpan[at..]);
                }

                // A long string can fill the page on its own: cut here rather than at the slice end.
                if (_plain.Length >= Options.PageSizeBytes || _dictionaryFull)
                {
                    j++;
                    break;
                }
            }

            i += j;
            Advance(j, nulls);
            if (_dictionaryFull) StopDictionary();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteBinary(ReadOnlySpan<byte[]?> values)
    {
        if (Column.Required && values.IndexOf((byte[]?)null) is int nullAt and >= 0) ThrowNullInRequired(nullAt);
        int i = 0;
        while (i < values.Length)
        {
            int take = Math.Min(values.Length - i, RowsRoomInPage);
            var levels = Column.Required ? default : LevelsFor(take);
            int nulls = 0, j = 0;
            for (; j < take; j++)
            {
                byte[]? b = values[i + j];
                if (!levels.IsEmpty) levels[j] = b is null ? (byte)0 : (byte)1;
                if (b is null)
                {
                    nulls++;
                    continue;
                }

                PlainEncoder.WriteBinary(b, _plain);
                _stats.Page.Update(b);
                if (_plain.Length >= Options.PageSizeBytes)
                {
                    j++;
                    break;
                }
            }

            i += j;
            Advance(j, nulls);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override Encoding WritePageValues(ByteBuffer body, int nonNullCount)
    {
        if (_dictionaryMode && _pageIndexCount > 0 && !DecideFirstPage()) return WriteDictionaryIndices(body);
        body.Write(_plain.WrittenSpan);
        _plain.Clear();
        _pageIndexCount = 0;
        return Encoding.Plain;
    }

    protected override EncodedStatistics CompletePageStatistics(long nullCount) => _stats.CompletePage(nullCount);

    protected override EncodedStatistics TakeChunkStatistics(long nullCount) => _stats.TakeChunk(nullCount);

    public override void Dispose()
    {
        _plain.Dispose();
        _stats.Page.Dispose();
        _stats.Chunk.Dispose();
        DisposeDictionary();
        base.Dispose();
    }
}
