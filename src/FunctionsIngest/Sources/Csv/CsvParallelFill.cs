using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Pass 2 on two threads for a file pass 1 cut into proven chunks: worker w fills the batches of chunks w, w + 2, ...
/// into its own short queue, and <see cref="Next"/> takes them chunk by chunk, so batches come in file order while
/// both workers parse. Each worker holds a few batches, so memory does not depend on the row count. A failure
/// reaches the caller when it gets to the failing batch, after every batch before it. Unproven chunks (a single-pass
/// read) number their lines from 1 and profile every record; <see cref="Next"/> shifts their line numbers by the lines
/// of the chunks before and adds their profiles up in <see cref="Profile"/>; any failure in them (with line numbers that
/// count from the chunk's start) becomes a <see cref="SpeculationMissedException"/> naming the file line.
/// </summary>
internal sealed class CsvParallelFill : IDisposable
{
    private const int Workers = 2;
    private const int BatchesPerWorker = 4;

    /// <summary>A filled batch with its rows' line numbers, the end of a chunk (Batch null: its lines and profile), or a failure (Lines: the failing record's line in its chunk).</summary>
    private sealed record Item(RecordBatch? Batch, long[]? Rows, int Count, ExceptionDispatchInfo? Error, long Lines = 0, CsvProfile? Profile = null);

    private sealed class Worker
    {
        public readonly BlockingCollection<Item> Ready = new(BatchesPerWorker + 1);
        public readonly BlockingCollection<(RecordBatch Batch, long[] Rows)> Free = new();
        public Thread? Thread;
    }

    private readonly Worker[] _workers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<CsvChunk, int, CsvParser> _openChunk;
    private readonly IReadOnlyList<CsvChunk> _chunks;
    private readonly Func<CsvParser, CsvBatchFiller> _filler;
    private readonly bool _relativeLines;
    private long _linesBefore;
    private int _chunk;
    private Item? _lent;
    private int _lentBy;

    /// <param name="openChunk">A parser positioned at the chunk's first record (for chunk 0: past skipped rows and the header).</param>
    /// <param name="relativeLines">True: every chunk's parser numbers its lines from 1.</param>
    public CsvParallelFill(IReadOnlyList<CsvChunk> chunks, Func<CsvChunk, int, CsvParser> openChunk, Func<CsvParser, CsvBatchFiller> filler,
        TableSchema schema, int batchSize, bool relativeLines = false)
    {
        _relativeLines = relativeLines;
        _chunks = chunks;
        _openChunk = openChunk;
        _filler = filler;
        _workers = new Worker[Workers];
        for (int w = 0; w < Workers; w++)
        {
            var worker = _workers[w] = new Worker();
            for (int b = 0; b < BatchesPerWorker; b++)
                worker.Free.Add((new RecordBatch(schema, batchSize), new long[batchSize]));
            int first = w;
            worker.Thread = new Thread(() => Produce(worker, first)) { IsBackground = true, Name = "csv fill " + w };
            worker.Thread.Start();
        }
    }

    /// <summary>The record-shape profiles of the chunks taken to their end so far, added up in order (fillers with an observer only).</summary>
    public CsvProfile? Profile { get; private set; }

    /// <summary>The next batch in file order (valid until the next call) with its rows' line numbers; null at the end.</summary>
    public (RecordBatch Batch, long[] Rows)? Next()
    {
        if (_lent is not null)
        {
            _workers[_lentBy].Free.Add((_lent.Batch!, _lent.Rows!));
            _lent = null;
        }
        while (_chunk < _chunks.Count)
        {
            int w = _chunk % Workers;
            var item = _workers[w].Ready.Take(_stop.Token);
            if (item.Error is { SourceException: var error } && _relativeLines)
                throw new SpeculationMissedException($"line {item.Lines + _linesBefore}" + (error is SpeculationMissedException ? ": " + error.Message : ""), error);
            item.Error?.Throw();
            if (item.Batch is null)
            {
                EndChunk(item);
                continue;
            }
            if (_relativeLines && _linesBefore != 0)
            {
                foreach (ref long line in item.Rows.AsSpan(0, item.Count))
                    line += _linesBefore;
            }
            _lent = item;
            _lentBy = w;
            return (item.Batch, item.Rows!);
        }
        return null;
    }

    private void EndChunk(Item end)
    {
        if (end.Profile is { } profile)
        {
            if (Profile is null)
                Profile = profile;
            else
                Profile.Append(profile, _linesBefore);
        }
        if (_relativeLines)
            _linesBefore += end.Lines;
        _chunk++;
    }

    private void Produce(Worker worker, int first)
    {
        CsvBatchFiller? current = null;
        try
        {
            for (int c = first; c < _chunks.Count; c += Workers)
            {
                using var filler = current = _filler(_openChunk(_chunks[c], c));
                while (true)
                {
                    var (batch, rows) = worker.Free.Take(_stop.Token);
                    int count = filler.Fill(batch, rows);
                    if (count > 0)
                        worker.Ready.Add(new Item(batch, rows, count, null), _stop.Token);
                    else
                        worker.Free.Add((batch, rows));
                    if (count < rows.Length)
                        break;
                }
                worker.Ready.Add(new Item(null, null, 0, null, filler.Parser.NextLine - 1, filler.Observer?.Profile), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            try
            {
                worker.Ready.Add(new Item(null, null, 0, ExceptionDispatchInfo.Capture(ex), current?.Parser.RecordLine ?? 0), _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var worker in _workers)
        {
            worker.Thread?.Join();
            worker.Ready.Dispose();
            worker.Free.Dispose();
        }
        _stop.Dispose();
    }
}
