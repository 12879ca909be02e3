using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Specialized;

namespace FunctionsIngest.Storage.Blob;

/// <summary>
/// A write-only stream that stages every full buffer as an uncommitted block of a block blob, up to
/// <c>maxInFlight</c> uploads running while the writer fills the next buffer. Nothing becomes visible until
/// <see cref="CommitAsync"/>; disposing the stream (as writers do) is not a commit.
/// </summary>
internal sealed class BlockUploadStream : Stream
{
    public const int DefaultBlockSize = 8 * 1024 * 1024;

    private readonly BlockBlobClient _blob;
    private readonly int _blockSize;
    private readonly int _maxInFlight;
    private readonly CancellationToken _ct;
    private readonly byte[] _uploadId = RandomNumberGenerator.GetBytes(16);
    private readonly List<string> _blockIds = [];
    private readonly Queue<Task> _inFlight = new();
    private byte[]? _buffer;
    private int _count;
    private long _written;
    private bool _closed;

    public BlockUploadStream(BlockBlobClient blob, CancellationToken ct, int blockSize = DefaultBlockSize, int maxInFlight = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxInFlight);
        (_blob, _ct, _blockSize, _maxInFlight) = (blob, ct, blockSize, maxInFlight);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_closed;
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("A block upload stream is written front to back; it cannot seek.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var taken = Append(data);
            data = data[taken..];
            if (_count == _blockSize)
                StartStaging().GetAwaiter().GetResult();
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        while (!data.IsEmpty)
        {
            var taken = Append(data.Span);
            data = data[taken..];
            if (_count == _blockSize)
                await StartStaging();
        }
    }

    /// <summary>Blocks go out only when full: a writer's frequent flushes must not create tiny blocks.</summary>
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The stream is write-only.");
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The stream cannot seek.");
    public override void SetLength(long value) => throw new NotSupportedException("The stream cannot change its length.");

    /// <summary>Stages what is buffered, waits for every staged block, and commits the block list: the blob now holds exactly what was written.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_count > 0)
            StageBuffer();
        while (_inFlight.Count > 0)
            await _inFlight.Dequeue();
        await _blob.CommitBlockListAsync(_blockIds, cancellationToken: ct);
        _closed = true;
    }

    /// <summary>Waits for uploads still running (their failures no longer matter) and returns the buffers; nothing is committed.</summary>
    public async Task AbandonAsync()
    {
        _closed = true;
        while (_inFlight.Count > 0)
        {
            try { await _inFlight.Dequeue(); }
            catch (Exception) { /* the write already failed; the uncommitted blocks expire on the service */ }
        }
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }

    private int Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _buffer ??= ArrayPool<byte>.Shared.Rent(_blockSize);
        var taken = Math.Min(data.Length, _blockSize - _count);
        data[..taken].CopyTo(_buffer.AsSpan(_count));
        _count += taken;
        _written += taken;
        return taken;
    }

    /// <summary>Sends the full buffer off, first waiting for the oldest upload when <c>maxInFlight</c> are running.</summary>
    private async Task StartStaging()
    {
        while (_inFlight.Count > 0 && _inFlight.Peek().IsCompleted)
            await _inFlight.Dequeue();
        if (_inFlight.Count >= Math.Max(_maxInFlight, 1))
            await _inFlight.Dequeue();
        StageBuffer();
        if (_maxInFlight == 0)
            await _inFlight.Dequeue();
    }

    private void StageBuffer()
    {
        var id = BlockId(_blockIds.Count);
        _blockIds.Add(id);
        var task = StageAsync(id, _buffer!, _count);
        (_buffer, _count) = (null, 0);
        _inFlight.Enqueue(task);
    }

    private async Task StageAsync(string id, byte[] buffer, int count)
    {
        try
        {
            using var content = new MemoryStream(buffer, 0, count, writable: false);
            await _blob.StageBlockAsync(id, content, options: null, _ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A random upload id plus the block number: the same length for every block (the service requires it), and unique per upload so concurrent writers of one blob never mix blocks.</summary>
    private string BlockId(int index)
    {
        Span<byte> id = stackalloc byte[20];
        _uploadId.CopyTo(id);
        BinaryPrimitives.WriteInt32BigEndian(id[16..], index);
        return Convert.ToBase64String(id);
    }
}
