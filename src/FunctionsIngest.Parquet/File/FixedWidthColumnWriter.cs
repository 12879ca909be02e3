using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// INT32/INT64/FLOAT/DOUBLE columns. The open page always keeps its PLAIN bytes (a null-free span is one block copy);
/// while the chunk is dictionary-encoded it also keeps dictionary indices, so each page can pick the cheaper form.
/// <typeparamref name="TBits"/> is the same-width integer used as the dictionary key.
/// </summary>
internal abstract class FixedWidthColumnWriter<T, TBits> : ColumnWriter
    where T : unmanaged
    where TBits : unmanaged, IEquatable<TBits>
{
    private readonly ByteBuffer _values = new(1 << 12);
    private readonly FixedWidthDictionary<TBits> _dictionary = new();
    private int[] _indices = new int[256];
    private int _indexCount;
    private bool _dictionaryMode;
    private bool _dictionaryPagesWritten;
    private bool _dictionaryFull;

    protected FixedWidthColumnWriter(ColumnDescriptor column, WriterContext context)
        : base(column, context)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The Parquet writer assumes a little-endian CPU.");
        _dictionaryMode = context.Options.UseDictionary;
    }

    protected static int Width => System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    protected override long EstimatedPageValueBytes => _values.Length;

    protected override long EstimatedDictionaryBytes => _dictionary.PlainBytes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<T> values, ReadOnlySpan<bool> isNull)
    {
        CheckNullMask(isNull, values.Length);
        Validate(values, isNull);
        int i = 0;
        while (i < values.Length)
        {
            int byteRoom = (int)Math.Max(1, (Options.PageSizeBytes - (long)_values.Length + Width - 1) / Width);
            int take = Math.Min(values.Length - i, Math.Min(RowsRoomInPage, byteRoom));
            int nulls = Append(values.Slice(i, take), isNull.IsEmpty ? default : isNull.Slice(i, take));
            i += take;
            Advance(take, nulls);
            if (_dictionaryFull) StopDictionary();
        }
    }

    /// <summary>Rejects values outside the column's logical range before anything is appended.</summary>
    protected virtual void Validate(ReadOnlySpan<T> values, ReadOnlySpan<bool> isNull)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Append(ReadOnlySpan<T> values, ReadOnlySpan<bool> isNull)
    {
        int start = _values.Length;
        if (isNull.IsEmpty)
        {
            _values.Write(MemoryMarshal.AsBytes(values));
            if (!Column.Required) LevelsFor(values.Length).Fill(1);
        }
        else
        {
            var levels = LevelsFor(values.Length);
            var dest = MemoryMarshal.Cast<byte, T>(_values.GetSpan(values.Length * Width));
            int k = 0;
            for (int j = 0; j < values.Length; j++)
            {
                bool isNullValue = isNull[j];
                levels[j] = isNullValue ? (byte)0 : (byte)1;
                dest[k] = values[j];
                k += isNullValue ? 0 : 1;
            }

            _values.Advance(k * Width);
        }

        var appended = MemoryMarshal.Cast<byte, T>(_values.WrittenSpan[start..]);
        UpdatePageStatistics(appended);
        if (_dictionaryMode)
        {
            if (_indexCount + appended.Length > _indices.Length) Array.Resize(ref _indices, Math.Max(_indexCount + appended.Length, _indices.Length * 2));
            _dictionary.Encode(MemoryMarshal.Cast<T, TBits>(appended), _indices.AsSpan(_indexCount, appended.Length));
            _indexCount += appended.Length;
            if (_dictionary.PlainBytes > Options.DictionaryPageSizeLimit) _dictionaryFull = true;
        }

        return values.Length - appended.Length;
    }

    /// <summary>Folds freshly appended non-null values into the open page's min/max.</summary>
    protected abstract void UpdatePageStatistics(ReadOnlySpan<T> values);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override Encoding WritePageValues(ByteBuffer body, int nonNullCount)
    {
        bool useDictionary = _dictionaryMode && _indexCount > 0;
        if (useDictionary && !_dictionaryPagesWritten &&
            !DictionaryPolicy.IsWorthIt(_dictionary.PlainBytes, _indexCount, _dictionary.Count, _values.Length))
        {
            // First page says the dictionary does not pay: PLAIN for the whole chunk, no dictionary page.
            _dictionary.Clear();
            _dictionaryMode = false;
            _dictionaryFull = false;
            useDictionary = false;
        }

        Encoding encoding;
        if (useDictionary)
        {
            int bitWidth = DictionaryPolicy.IndexBitWidth(_dictionary.Count);
            body.WriteByte((byte)bitWidth);
            RleBitPackedHybrid.Encode<int>(_indices.AsSpan(0, _indexCount), bitWidth, body);
            _dictionaryPagesWritten = true;
            encoding = Encoding.RleDictionary;
        }
        else
        {
            body.Write(_values.WrittenSpan);
            encoding = Encoding.Plain;
        }

        _values.Clear();
        _indexCount = 0;
        return encoding;
    }

    /// <summary>The dictionary passed its size limit: close the open page, PLAIN for the rest of the chunk.</summary>
    private void StopDictionary()
    {
        FlushPage();
        _dictionaryFull = false;
        if (!_dictionaryPagesWritten) _dictionary.Clear();
        _dictionaryMode = false;
    }

    protected override int TakeDictionary(ByteBuffer body)
    {
        int count = _dictionaryPagesWritten ? _dictionary.Count : 0;
        if (count > 0) _dictionary.WritePlain(body);
        _dictionary.Clear();
        _dictionaryPagesWritten = false;
        _dictionaryFull = false;
        _dictionaryMode = Options.UseDictionary;
        return count;
    }

    public override void Dispose()
    {
        _values.Dispose();
        _dictionary.Dispose();
        base.Dispose();
    }
}
