namespace FunctionsIngest.Sources.Text;

/// <summary>A read-only forward view of bytes [start, end) of a seekable stream, which it owns.</summary>
internal sealed class ByteRangeStream : Stream
{
    private readonly Stream _inner;
    private readonly long _end;

    public ByteRangeStream(Stream inner, long start, long end)
    {
        _inner = inner;
        _end = end;
        inner.Position = start;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long left = _end - _inner.Position;
        if (left <= 0)
            return 0;
        return _inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
