using System.Buffers;

namespace FunctionsIngest.Parquet.Internal;

/// <summary>
/// Append-only buffer of pooled segments (4 KiB doubling up to 1 MiB): a column chunk grows without copying, a
/// small chunk stays small, and the segments return to the pool for the next chunk once the row group is written.
/// </summary>
internal sealed class SegmentedBuffer : IDisposable
{
    private const int FirstSegment = 4 << 10;
    private const int MaxSegment = 1 << 20;
    private readonly List<byte[]> _segments = [];
    private int _used;
    private long _length;

    public long Length => _length;

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_segments.Count == 0 || _used == _segments[^1].Length)
            {
                int size = _segments.Count == 0 ? FirstSegment : Math.Min(MaxSegment, _segments[^1].Length * 2);
                _segments.Add(ArrayPool<byte>.Shared.Rent(size));
                _used = 0;
            }

            var segment = _segments[^1];
            int n = Math.Min(data.Length, segment.Length - _used);
            data[..n].CopyTo(segment.AsSpan(_used));
            _used += n;
            _length += n;
            data = data[n..];
        }
    }

    public void CopyTo(Stream stream)
    {
        for (int i = 0; i < _segments.Count; i++)
        {
            stream.Write(_segments[i], 0, i == _segments.Count - 1 ? _used : _segments[i].Length);
        }
    }

    public void Dispose()
    {
        foreach (var segment in _segments) ArrayPool<byte>.Shared.Return(segment);
        _segments.Clear();
        _used = 0;
        _length = 0;
    }
}
