using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Batches filled on a thread of their own into a few slots that go round, while the caller takes the ones filled
/// before: the single pass parses, checks and types the sheet there, so each row is handled on one core while it is
/// still in its cache. A slot goes back to the filling thread when the caller takes the next one. A failure of the
/// filling thread reaches the caller after the batches filled before it.
/// </summary>
internal sealed class FillAhead : IDisposable
{
    private readonly Func<SheetBatch, bool> _fill;
    private readonly BlockingCollection<SheetBatch> _free = [];
    private readonly BlockingCollection<(SheetBatch? Batch, ExceptionDispatchInfo? Failure)> _filled = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _filler;
    private SheetBatch? _taken;
    private bool _ended;
    private bool _disposed;

    /// <param name="slots">The batches that go round (at least two, so that one fills while the caller holds another).</param>
    /// <param name="fill">Fills a slot; false (slot unused) after the last batch. Called on the filling thread only.</param>
    public FillAhead(IReadOnlyList<SheetBatch> slots, Func<SheetBatch, bool> fill)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Count, 2);
        _fill = fill;
        foreach (var slot in slots)
            _free.Add(slot);
        _filler = new Thread(Fill) { IsBackground = true, Name = "xlsx fill" };
        _filler.Start();
    }

    /// <summary>The next filled batch (valid until the next call), or null after the last; rethrows the filling thread's failure in its place.</summary>
    public SheetBatch? Next()
    {
        if (_taken is not null)
        {
            _free.Add(_taken);
            _taken = null;
        }
        if (_ended)
            return null;
        var (batch, failure) = _filled.Take();
        if (batch is null)
        {
            _ended = true;
            failure?.Throw();
            return null;
        }
        _taken = batch;
        return batch;
    }

    private void Fill()
    {
        try
        {
            while (true)
            {
                var slot = _free.Take(_stop.Token);
                bool more;
                try
                {
                    more = _fill(slot);
                }
                catch (Exception ex)
                {
                    _filled.Add((null, ExceptionDispatchInfo.Capture(ex)));
                    return;
                }
                _filled.Add(more ? (slot, null) : (null, null));
                if (!more)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // The caller stopped reading (Dispose).
        }
    }

    /// <summary>Stops the filling thread (it finishes the batch it is in) and waits for it.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        _filler.Join();
        _free.Dispose();
        _filled.Dispose();
        _stop.Dispose();
    }
}
