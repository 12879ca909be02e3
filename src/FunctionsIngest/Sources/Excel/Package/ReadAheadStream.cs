using System.Runtime.ExceptionServices;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// Reads (inflates) a part on a worker thread into a bounded ring of chunks while the caller parses the previous
/// ones. The caller sees the same bytes, then the same end or exception (rethrown as is, after the bytes read
/// before it), as from the inner stream. Dispose stops and joins the worker before disposing the inner stream, so
/// the zip archive's file is never read by two threads at once. A reader that parses in place can take the chunks
/// themselves instead of copies (<see cref="TryTakeChunk"/>).
/// </summary>
internal sealed class ReadAheadStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly Thread _worker;
    private readonly object _gate = new();
    private readonly Queue<(byte[] Buffer, int Length)> _ready = new();
    private readonly Stack<byte[]> _free = new();
    private ExceptionDispatchInfo? _error;
    private bool _innerDone;
    private bool _stopping;
    private byte[]? _current;
    private int _currentPos; // the current chunk's unread bytes are [_currentPos, _currentEnd)
    private int _currentEnd;
    private long _position;
    private bool _disposed;

    public ReadAheadStream(Stream inner, int chunkSize = 1 << 18, int chunks = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        _inner = inner;
        CanLendChunks = chunks >= 2;
        for (int i = 0; i < chunks; i++)
            _free.Push(new byte[Headroom + chunkSize]);
        _worker = new Thread(Produce) { IsBackground = true, Name = "xlsx read-ahead" };
        _worker.Start();
    }

    /// <summary>
    /// True when <see cref="TryTakeChunk"/> may be used: the caller keeps a lent chunk while it waits for the next, so
    /// the worker needs another to fill.
    /// </summary>
    public bool CanLendChunks { get; }

    /// <summary>Room before each chunk's bytes for the unread bytes of the chunk before, so a taker sees them joined.</summary>
    public const int Headroom = 4096;

    /// <summary>The part inflated ahead on a second thread when there is a second core (inflating is about a fifth of parsing); else the part as is.</summary>
    public static Stream WhenWorthIt(Stream part) => Environment.ProcessorCount > 1 ? new ReadAheadStream(part) : part;

    /// <summary>True while the worker thread runs (tests check that none outlives its stream).</summary>
    internal bool WorkerAlive => _worker.IsAlive;

    private void Produce()
    {
        while (true)
        {
            byte[] buffer;
            lock (_gate)
            {
                while (_free.Count == 0 && !_stopping)
                    Monitor.Wait(_gate);
                if (_stopping)
                    return;
                buffer = _free.Pop();
            }
            int length = 0, room = buffer.Length - Headroom;
            try
            {
                int n;
                while (length < room && (n = _inner.Read(buffer, Headroom + length, room - length)) > 0)
                    length += n;
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    if (length > 0)
                        _ready.Enqueue((buffer, length));
                    _error = ExceptionDispatchInfo.Capture(ex);
                    _innerDone = true;
                    Monitor.PulseAll(_gate);
                }
                return;
            }
            lock (_gate)
            {
                if (length > 0)
                    _ready.Enqueue((buffer, length));
                _innerDone = length < room;
                Monitor.PulseAll(_gate);
                if (_innerDone)
                    return;
            }
        }
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
            return 0;
        if (_currentPos == _currentEnd && !NextChunk())
            return 0;
        int n = Math.Min(buffer.Length, _currentEnd - _currentPos);
        _current.AsSpan(_currentPos, n).CopyTo(buffer);
        _currentPos += n;
        _position += n;
        return n;
    }

    private bool NextChunk()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _free.Push(_current);
                _current = null;
                Monitor.PulseAll(_gate);
            }
            while (_ready.Count == 0 && !_innerDone)
                Monitor.Wait(_gate);
            if (_ready.Count == 0)
            {
                _error?.Throw();
                return false;
            }
            (_current, int length) = _ready.Dequeue();
            _currentPos = Headroom;
            _currentEnd = Headroom + length;
            return true;
        }
    }

    /// <summary>
    /// Lends the caller the next bytes in place: the rest of the current chunk, or else the next chunk, with
    /// <paramref name="unread"/> (at most <see cref="Headroom"/> bytes, the caller's bytes not yet parsed) copied in
    /// front of them, so <paramref name="chunk"/>[<paramref name="start"/>..<paramref name="end"/>) holds both. The
    /// chunk stays the caller's until its next call to this or <see cref="Read(Span{byte})"/>, which may hand it back
    /// to the worker: bytes still needed from it must be copied out before. False at the end of the part, with the
    /// caller's chunk untouched; the inner stream's exception is rethrown there.
    /// </summary>
    public bool TryTakeChunk(ReadOnlySpan<byte> unread, out byte[] chunk, out int start, out int end)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unread.Length, Headroom, nameof(unread));
        if (!CanLendChunks)
            throw new InvalidOperationException("A ring of one chunk cannot lend it: the worker would wait for it forever.");
        lock (_gate)
        {
            if (_current is null || _currentPos == _currentEnd)
            {
                while (_ready.Count == 0 && !_innerDone)
                    Monitor.Wait(_gate);
                if (_ready.Count == 0)
                {
                    _error?.Throw();
                    (chunk, start, end) = ([], 0, 0);
                    return false;
                }
                var (next, length) = _ready.Dequeue();
                unread.CopyTo(next.AsSpan(Headroom - unread.Length)); // unread may lie in the chunk given back below
                if (_current is not null)
                {
                    _free.Push(_current);
                    Monitor.PulseAll(_gate);
                }
                (_current, _currentPos, _currentEnd) = (next, Headroom, Headroom + length);
            }
            else
            {
                unread.CopyTo(_current.AsSpan(_currentPos - unread.Length)); // bytes already read: free to overwrite
            }
            chunk = _current;
            start = _currentPos - unread.Length;
            end = _currentEnd;
            _position += _currentEnd - _currentPos;
            _currentPos = _currentEnd;
            return true;
        }
    }

    public override bool CanRead => !_disposed;
    protected override long BytesRead => _position;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            lock (_gate)
            {
                _stopping = true;
                Monitor.PulseAll(_gate);
            }
            _worker.Join(); // at most one chunk's read still in progress
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
