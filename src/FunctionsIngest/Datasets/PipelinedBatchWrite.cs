using System.Collections.Concurrent;
using FunctionsIngest.Data;

namespace FunctionsIngest.Datasets;

/// <summary>
/// Encodes batches on a thread of its own while the caller's thread reads the next one. Readers reuse their batch,
/// so each is first copied into one of two spare batches (double buffering). On one core the hand-over only adds
/// work, so batches are written inline.
/// </summary>
internal static class PipelinedBatchWrite
{
    private const int Spares = 2;

    public static void Run(ITableReader reader, ParquetTableWriter writer, CancellationToken ct)
    {
        if (Environment.ProcessorCount < 2)
        {
            while (reader.ReadNextBatch() is { } batch)
            {
                ct.ThrowIfCancellationRequested();
                writer.Write(batch);
            }
            return;
        }
        using var free = new BlockingCollection<RecordBatch?>();
        using var full = new BlockingCollection<RecordBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        for (int i = 0; i < Spares; i++)
            free.Add(null, CancellationToken.None);
        var writing = Task.Factory.StartNew(() => WriteAll(full, free, writer, stop),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (reader.ReadNextBatch() is { } batch)
            {
                ct.ThrowIfCancellationRequested();
                var spare = free.Take(stop.Token);
                if (spare is null || spare.Capacity < batch.RowCount)
                    spare = new RecordBatch(batch.Schema, Math.Max(batch.Capacity, batch.RowCount));
                spare.CopyFrom(batch);
                full.Add(spare, stop.Token);
            }
            full.CompleteAdding();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Only the writing thread cancels `stop` on its own: its exception, rethrown below, is the one to report.
        }
        catch
        {
            stop.Cancel();
            try { writing.Wait(CancellationToken.None); }
            catch (AggregateException) { } // the reader's failure is the cause; the writer stopped because of it
            throw;
        }
        writing.GetAwaiter().GetResult();
    }

    private static void WriteAll(BlockingCollection<RecordBatch> full, BlockingCollection<RecordBatch?> free, ParquetTableWriter writer, CancellationTokenSource stop)
    {
        try
        {
            foreach (var batch in full.GetConsumingEnumerable(stop.Token))
            {
                writer.Write(batch);
                free.Add(batch, CancellationToken.None);
            }
        }
        catch
        {
            stop.Cancel(); // unblocks the reading thread
            throw;
        }
    }
}
