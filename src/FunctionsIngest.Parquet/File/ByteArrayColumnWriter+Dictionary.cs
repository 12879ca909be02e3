using System.Runtime.CompilerServices;
using FunctionsIngest.Parquet.Encodings;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// Dictionary side of <see cref="ByteArrayColumnWriter"/>: per-chunk string dictionary, per-page indices, and a PLAIN
/// shadow of the chunk's first page so that page can be written PLAIN if the dictionary does not pay.
/// </summary>
internal sealed partial class ByteArrayColumnWriter
{
    // Identity cache in front of the hash lookup: readers such as xlsx shared strings hand over the same string
    // instance again and again, and an identity hash costs less than hashing the characters.
    private const int IdentityCacheSize = 256;
    private readonly string?[] _cacheKeys = new string?[IdentityCacheSize];
    private readonly int[] _cacheIndices = new int[IdentityCacheSize];
    private readonly Dictionary<string, int> _dictionary = new(StringComparer.Ordinal);
    private readonly ByteBuffer _dictionaryPlain = new(1 << 12);
    private int[] _entryOffsets = new int[256];
    // Per entry, the page it was last checked against the page's min and max in: an entry seen in a page lies within
    // them from then on (they only widen), so pooled values are compared once a page, not once a row.
    private int[] _entryCheckedInPage = new int[256];
    private int _page = 1;
    private int[] _pageIndices = new int[256];
    private int _pageIndexCount;
    private bool _dictionaryMode;
    private bool _dictionaryFull;
    private bool _dictionaryPagesWritten;
    private int _pageMinIndex = -1, _pageMaxIndex = -1;

    private long EstimatedIndexBytes => _pageIndexCount == 0 ? 0 : DictionaryPolicy.IndexBytes(_pageIndexCount, _dictionary.Count);

    protected override long EstimatedDictionaryBytes => _dictionaryPlain.Length;

    private ReadOnlySpan<byte> Entry(int index)
    {
        int start = _entryOffsets[index];
        int end = index + 1 < _dictionary.Count ? _entryOffsets[index + 1] - 4 : _dictionaryPlain.Length;
        return _dictionaryPlain.WrittenSpan[start..end];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToDictionary(string value)
    {
        int slot = RuntimeHelpers.GetHashCode(value) & (IdentityCacheSize - 1);
        int index;
        if (ReferenceEquals(_cacheKeys[slot], value))
        {
            index = _cacheIndices[slot];
        }
        else
        {
            index = LookUpOrAdd(value);
            _cacheKeys[slot] = value;
            _cacheIndices[slot] = index;
        }

        // Until the first page is decided, keep its PLAIN form too.
        if (!_dictionaryPagesWritten) PlainEncoder.WriteString(value, _plain);
        if (_pageIndexCount == _pageIndices.Length) Array.Resize(ref _pageIndices, _pageIndices.Length * 2);
        _pageIndices[_pageIndexCount++] = index;
        if (_entryCheckedInPage[index] != _page)
        {
            _entryCheckedInPage[index] = _page;
            var entry = Entry(index);
            if (_pageMinIndex < 0 || entry.SequenceCompareTo(Entry(_pageMinIndex)) < 0) _pageMinIndex = index;
            if (_pageMaxIndex < 0 || entry.SequenceCompareTo(Entry(_pageMaxIndex)) > 0) _pageMaxIndex = index;
        }
    }

    private int LookUpOrAdd(string value)
    {
        if (!_dictionary.TryGetValue(value, out int index))
        {
            index = _dictionary.Count;
            if (index == _entryOffsets.Length)
            {
                Array.Resize(ref _entryOffsets, index * 2);
                Array.Resize(ref _entryCheckedInPage, index * 2);
            }

            _entryOffsets[index] = PlainEncoder.WriteString(value, _dictionaryPlain);
            _dictionary.Add(value, index);
            if (_dictionaryPlain.Length > Options.DictionaryPageSizeLimit) _dictionaryFull = true;
        }

        return index;
    }

    /// <summary>At the chunk's first page: true (and dictionary dropped) when PLAIN is smaller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool DecideFirstPage()
    {
        FoldPageMinMax();
        if (_dictionaryPagesWritten) return false;
        if (DictionaryPolicy.IsWorthIt(_dictionaryPlain.Length, _pageIndexCount, _dictionary.Count, _plain.Length))
        {
            _plain.Clear();
            return false;
        }

        ClearDictionary();
        _dictionaryMode = false;
        return true;
    }

    private void FoldPageMinMax()
    {
        if (_pageMinIndex >= 0) _stats.Page.Update(Entry(_pageMinIndex));
        if (_pageMaxIndex >= 0) _stats.Page.Update(Entry(_pageMaxIndex));
        _pageMinIndex = _pageMaxIndex = -1;
        _page++;
    }

    /// <summary>The dictionary passed its limit: finish the open page, then PLAIN for the rest of the chunk.</summary>
    private void StopDictionary()
    {
        FlushPage();
        _dictionaryFull = false;
        if (!_dictionaryPagesWritten) ClearDictionary();
        _dictionaryMode = false;
    }

    /// <summary>RLE_DICTIONARY page values: 1 byte bit width, then hybrid runs without a length prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Encoding WriteDictionaryIndices(ByteBuffer body)
    {
        // Arrow C++ uses bit width 1 for a one-entry dictionary (encoder.cc); width 0 confuses some readers.
        int bitWidth = DictionaryPolicy.IndexBitWidth(_dictionary.Count);
        body.WriteByte((byte)bitWidth);
        RleBitPackedHybrid.Encode<int>(_pageIndices.AsSpan(0, _pageIndexCount), bitWidth, body);
        _pageIndexCount = 0;
        _dictionaryPagesWritten = true;
        return Encoding.RleDictionary;
    }

    protected override int TakeDictionary(ByteBuffer body)
    {
        int count = _dictionaryPagesWritten ? _dictionary.Count : 0;
        if (count > 0) body.Write(_dictionaryPlain.WrittenSpan);
        ClearDictionary();
        _dictionaryPagesWritten = false;
        _dictionaryMode = _textual && Options.UseDictionary;
        _dictionaryFull = false;
        return count;
    }

    private void ClearDictionary()
    {
        Array.Clear(_cacheKeys);
        _dictionary.Clear();
        _dictionaryPlain.Clear();
        _pageMinIndex = _pageMaxIndex = -1;
        _page++; // entries to come reuse indices checked before
    }

    private void DisposeDictionary() => _dictionaryPlain.Dispose();
}
