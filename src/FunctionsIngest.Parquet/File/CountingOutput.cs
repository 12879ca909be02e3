using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.File;

/// <summary>Forward-only output that tracks its own position (the target may be non-seekable, e.g. a blob upload).</summary>
internal sealed class CountingOutput
{
    private readonly Stream _stream;

    public CountingOutput(Stream stream) => _stream = stream;

    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        _stream.Write(data);
        Position += data.Length;
    }

    public void Write(ByteBuffer buffer)
    {
        buffer.CopyTo(_stream);
        Position += buffer.Length;
    }

    public void Write(SegmentedBuffer buffer)
    {
        buffer.CopyTo(_stream);
        Position += buffer.Length;
    }
}
