using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Rows read on a thread of their own, in blocks, while the caller types the ones before: the single pass's
/// counterpart of <see cref="ProfileRelay"/> (there the helper thread takes rows; here it reads them). Blocks go
/// round like there, so memory stays small for wide rows too. A failure of the reading thread reaches the caller
/// after the rows read before it.
/// </summary>
internal sealed class RowReadAhead : IDisposable
{
    internal const int Blocks = 16;

    private sealed class Block
    {
        public readonly RowBuffer[] Rows = Enumerable.Range(0, ProfileRelay.BlockRows).Select(_ => new RowBuffer()).ToArray();
        public int Count;
        public bool Last;
        public ExceptionDispatchInfo? Failure;
    }

    private readonly Func<RowBuffer, bool> _read;
    private readonly BlockingCollection<Block> _full = new(Blocks);
    private readonly BlockingCollection<Block> _free = new(Blocks);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private Block? _current;
    private int _index;
    private bool _disposed;

    /// <param name="read">Fills the buffer with the next row; false at the end. Called on the reading thread only.</param>
    public RowReadAhead(Func<RowBuffer, bool> read)
    {
        _read = read;
        for (int i = 0; i < Blocks; i++)
            _free.Add(new Block());
        _reader = new Thread(Produce) { IsBackground = true, Name = "xlsx read" };
        _reader.Start();
    }

    /// <summary>The next row, valid until the next call; null after the last. Rethrows the reading thread's failure in its place.</summary>
    public RowBuffer? Next()
    {
        while (true)
        {
            if (_current is not null)
            {
                if (_index < _current.Count)
                    return _current.Rows[_index++];
                _current.Failure?.Throw();
                if (_current.Last)
                    return null;
                Recycle(_current);
            }
            _current = _full.Take();
            _index = 0;
        }
    }

    private void Recycle(Block block)
    {
        foreach (var row in block.Rows.AsSpan(0, block.Count))
        {
            if (row.Capacity > ProfileRelay.KeptRowCells)
                row.Trim(ProfileRelay.KeptRowCells);
        }
        block.Count = 0;
        _free.Add(block);
    }

    private void Produce()
    {
        try
        {
            while (true)
            {
                var block = _free.Take(_stop.Token);
                int cells = 0;
                try
                {
                    while (block.Count < ProfileRelay.BlockRows && cells < ProfileRelay.BlockCells && !_stop.IsCancellationRequested)
                    {
                        var row = block.Rows[block.Count];
                        if (!_read(row))
                        {
                            block.Last = true;
                            break;
                        }
                        cells += row.Width;
                        block.Count++;
                    }
                }
                catch (Exception ex)
                {
                    block.Failure = ExceptionDispatchInfo.Capture(ex);
                    block.Last = true;
                }
                _full.Add(block);
                if (block.Last)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // The caller stopped reading (Dispose).
        }
    }

    /// <summary>Stops the reading thread (it finishes the row it is in) and waits for it; the rows not taken are dropped.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        _reader.Join();
        _full.Dispose();
        _free.Dispose();
        _stop.Dispose();
    }
}
