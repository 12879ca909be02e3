namespace FunctionsIngest.Sources.Text;

/// <summary>A read-only forward view of bytes [start, end) of a seekable stream, which it owns.</summary>
internal sealed class ByteRangeStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly long _end;

    public ByteRangeStream(Stream inner, long start, long end)
    {
        _inner = inner;
        _end = end;
        inner.Position = start;
    }

    protected override long BytesRead => _inner.Position;

    public override int Read(Span<byte> buffer)
    {
        long left = _end - _inner.Position;
        if (left <= 0)
            return 0;
        return _inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
