using System.Buffers;

namespace FunctionsIngest.Sources.Excel.Xlsx;

internal sealed partial class SharedStringTable
{
    /// <summary>
    /// Appends UTF-8 strings to pages of <see cref="PageSize"/> bytes (the first page grows up to that size, so
    /// small workbooks stay small); a string may run across pages. Nothing written is ever copied again.
    /// </summary>
    internal sealed class Builder
    {
        public const int PageShift = 20;
        public const int PageSize = 1 << PageShift;
        public const int PageMask = PageSize - 1;

        private readonly List<byte[]> _pages = [new byte[256]];
        private byte[] _page = []; // the page _length is in, which ends at _pageEnd (of the pages laid end to end)
        private long _pageEnd;
        private int[] _offsets = new int[64];
        private long _length;
        private Dictionary<int, string>? _unpaired;
        private byte[] _encoded = [];

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<byte> utf8)
        {
            if (_length + utf8.Length <= _pageEnd)
            {
                utf8.CopyTo(_page.AsSpan((int)(_length & PageMask)));
                _length += utf8.Length;
                Commit();
                return;
            }
            if (_length + utf8.Length > int.MaxValue)
                throw new OutOfMemoryException("The shared strings exceed the largest possible buffer.");
            while (!utf8.IsEmpty)
            {
                var page = Room();
                int offset = (int)(_length & PageMask);
                int n = Math.Min(utf8.Length, page.Length - offset);
                utf8[..n].CopyTo(page.AsSpan(offset));
                utf8 = utf8[n..];
                _length += n;
            }
            Commit();
        }

        public void Add(string text)
        {
            int max = Math.Max(256, text.Length * 3);
            if (_encoded.Length < max)
                _encoded = new byte[max];
            if (System.Text.Unicode.Utf8.FromUtf16(text, _encoded, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                Add(_encoded.AsSpan(0, written));
                return;
            }
            (_unpaired ??= [])[Count] = text;
            Commit();
        }

        /// <summary>The page the next byte goes to, with room for at least one byte.</summary>
        private byte[] Room()
        {
            int pageIndex = (int)(_length >> PageShift);
            if (pageIndex == _pages.Count)
                _pages.Add(new byte[PageSize]);
            var page = _pages[pageIndex];
            int offset = (int)(_length & PageMask);
            if (offset >= page.Length)
            {
                var grown = new byte[Math.Min(PageSize, page.Length * 2)]; // only the first page grows
                page.CopyTo(grown, 0);
                _pages[pageIndex] = page = grown;
            }
            _page = page;
            _pageEnd = ((long)pageIndex << PageShift) + page.Length;
            return page;
        }

        private void Commit()
        {
            if (Count + 2 > _offsets.Length)
                Array.Resize(ref _offsets, _offsets.Length * 2);
            Count++;
            _offsets[Count] = (int)_length;
        }

        public SharedStringTable Build() => new([.. _pages], _offsets, Count, _unpaired);

        /// <summary>Copies bytes [start, start + destination.Length) of the pages laid end to end.</summary>
        public static void CopyOut(byte[][] pages, int start, Span<byte> destination)
        {
            while (!destination.IsEmpty)
            {
                var page = pages[start >> PageShift];
                int offset = start & PageMask;
                int n = Math.Min(destination.Length, page.Length - offset);
                page.AsSpan(offset, n).CopyTo(destination);
                destination = destination[n..];
                start += n;
            }
        }
    }
}
