using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Pass 1 on two threads without copying rows: the scanning thread reads rows straight into the buffers of a block,
/// and a helper thread profiles and spools each full block (in order) while the next one is read. Blocks go round
/// (four of at most <see cref="BlockRows"/> rows or <see cref="BlockCells"/> cells), and a buffer that held a wide row
/// gives its memory back once profiled, so memory stays small even for 16,384-column rows. A failure on the helper
/// reaches the scanning thread at its next hand-over or at <see cref="Complete"/>.
/// </summary>
internal sealed class ProfileRelay : IDisposable
{
    public const int BlockRows = 256;
    public const int BlockCells = 1 << 15;
    public const int KeptRowCells = 1024;
    private const int Blocks = 4;

    private sealed class Block
    {
        public readonly RowBuffer[] Rows = Enumerable.Range(0, BlockRows).Select(_ => new RowBuffer()).ToArray();
        public int Count;
        public int Cells;
    }

    private readonly Action<RowBuffer> _take;
    private readonly BlockingCollection<Block> _full = new(Blocks);
    private readonly BlockingCollection<Block> _free = new(Blocks);
    private readonly Thread _helper;
    private Block _filling;
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;
    private bool _closed;

    /// <param name="take">What happens to each row, in order, on the helper thread.</param>
    public ProfileRelay(Action<RowBuffer> take)
    {
        _take = take;
        for (int i = 0; i < Blocks; i++)
            _free.Add(new Block());
        _filling = _free.Take();
        _helper = new Thread(Drain) { IsBackground = true, Name = "xlsx profile" };
        _helper.Start();
    }

    /// <summary>The buffer to read the next row into; it is handed over only by <see cref="Commit"/>.</summary>
    public RowBuffer Next => _filling.Rows[_filling.Count];

    /// <summary>Hands the row just read into <see cref="Next"/> to the helper.</summary>
    public void Commit()
    {
        _filling.Cells += _filling.Rows[_filling.Count].Width;
        if (++_filling.Count == BlockRows || _filling.Cells >= BlockCells)
            HandOver();
    }

    /// <summary>Waits until every committed row went through the helper; rethrows its failure.</summary>
    public void Complete()
    {
        if (_filling.Count > 0)
            HandOver();
        Close();
        _failure?.Throw();
    }

    private void HandOver()
    {
        _failure?.Throw();
        _full.Add(_filling);
        _filling = _free.Take();
    }

    private void Drain()
    {
        foreach (var block in _full.GetConsumingEnumerable())
        {
            if (_failure is null && !_abandoned)
            {
                try
                {
                    for (int i = 0; i < block.Count; i++)
                    {
                        _take(block.Rows[i]);
                        if (block.Rows[i].Capacity > KeptRowCells)
                            block.Rows[i].Trim(KeptRowCells);
                    }
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }
            block.Count = 0;
            block.Cells = 0;
            _free.Add(block);
        }
    }

    private void Close()
    {
        if (_closed)
            return;
        _closed = true;
        _full.CompleteAdding();
        _helper.Join();
    }

    /// <summary>Stops the helper (rows not yet profiled are dropped: the scan failed) and waits for it.</summary>
    public void Dispose()
    {
        _abandoned = true;
        Close();
        _full.Dispose();
        _free.Dispose();
    }
}
