using System.Runtime.ExceptionServices;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// Reads (inflates) a part on a worker thread into a bounded ring of chunks while the caller parses the previous
/// ones. The caller sees the same bytes, then the same end or exception (rethrown as is, after the bytes read
/// before it), as from the inner stream. Dispose stops and joins the worker before disposing the inner stream, so
/// the zip archive's file is never read by two threads at once.
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
    private int _currentPos;
    private int _currentLength;
    private long _position;
    private bool _disposed;

    public ReadAheadStream(Stream inner, int chunkSize = 1 << 18, int chunks = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        _inner = inner;
        for (int i = 0; i < chunks; i++)
            _free.Push(new byte[chunkSize]);
        _worker = new Thread(Produce) { IsBackground = true, Name = "xlsx read-ahead" };
        _worker.Start();
    }

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
            int length = 0;
            try
            {
                int n;
                while (length < buffer.Length && (n = _inner.Read(buffer, length, buffer.Length - length)) > 0)
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
                _innerDone = length < buffer.Length;
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
        if (_currentPos == _currentLength && !NextChunk())
            return 0;
        int n = Math.Min(buffer.Length, _currentLength - _currentPos);
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
            (_current, _currentLength) = _ready.Dequeue();
            _currentPos = 0;
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
