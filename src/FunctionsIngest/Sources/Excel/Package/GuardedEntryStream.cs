using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// Read-only wrapper around an inflating zip entry stream that enforces the zip-bomb limits while reading:
/// .NET only caps output at the declared size, so the real byte count and ratio are checked here.
/// </summary>
internal sealed class GuardedEntryStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly long _compressedLength;
    private readonly PackageLimits _limits;
    private readonly string _file;
    private readonly string _part;
    private long _read;

    public GuardedEntryStream(Stream inner, long compressedLength, PackageLimits limits, string file, string part)
    {
        _inner = inner;
        _compressedLength = compressedLength;
        _limits = limits;
        _file = file;
        _part = part;
    }

    protected override long BytesRead => _read;

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        _read += n;
        if (n > 0)
            Check();
        return n;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    private void Check()
    {
        if (_read > _limits.MaxEntrySize)
            throw IngestErrors.ZipBomb(_file, _part, $"inflates to more than {_limits.MaxEntrySize} bytes");
        if (_read > _limits.GraceEntrySize && (double)_compressedLength / _read < _limits.MinInflateRatio)
            throw IngestErrors.ZipBomb(_file, _part, $"inflates more than {1 / _limits.MinInflateRatio:0}-fold ({_compressedLength} bytes to over {_read})");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
