using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Tests.Sources.Excel;

public class FillAheadTests
{
    private static readonly TableSchema Schema = new([new ColumnSchema("n", ColumnType.Int64, Nullable: false)]);

    /// <summary>Fills each slot with the next <paramref name="perBatch"/> numbers up to <paramref name="last"/>; throws on reaching <paramref name="failAt"/>.</summary>
    private static Func<SheetBatch, bool> Counting(int last, int perBatch = 3, int failAt = 0)
    {
        int next = 1;
        return slot =>
        {
            slot.Batch.Clear();
            var column = (PrimitiveVector<long>)slot.Batch.Columns[0];
            while (slot.Batch.RowCount < perBatch && next <= last)
            {
                if (next == failAt)
                    throw new IOException($"broken at {next}");
                slot.RowNumbers[slot.Batch.RowCount] = next;
                column.Append(next++);
            }
            return slot.Batch.RowCount > 0;
        };
    }

    private static SheetBatch[] Slots() => [new SheetBatch(Schema, 3), new SheetBatch(Schema, 3), new SheetBatch(Schema, 3)];

    private static List<long> Drain(FillAhead fills)
    {
        var seen = new List<long>();
        while (fills.Next() is { } slot)
        {
            var column = (PrimitiveVector<long>)slot.Batch.Columns[0];
            for (int r = 0; r < slot.Batch.RowCount; r++)
            {
                Assert.Equal(slot.RowNumbers[r], column.Values[r]);
                seen.Add(column.Values[r]);
            }
        }
        return seen;
    }

    [Fact]
    public void Every_batch_arrives_once_in_order_as_the_slots_go_round()
    {
        using var fills = new FillAhead(Slots(), Counting(1000));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), Drain(fills));
        Assert.Null(fills.Next());
    }

    [Fact]
    public void A_failure_arrives_after_the_batches_filled_before_it()
    {
        using var fills = new FillAhead(Slots(), Counting(1000, failAt: 301));
        var seen = new List<long>();
        var thrown = Assert.Throws<IOException>(() =>
        {
            while (fills.Next() is { } slot)
                seen.AddRange(((PrimitiveVector<long>)slot.Batch.Columns[0]).Span.ToArray());
        });
        Assert.Equal("broken at 301", thrown.Message);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), seen);
    }

    [Fact]
    public void Disposing_early_stops_the_filling_thread()
    {
        int fills = 0;
        var endless = Counting(int.MaxValue);
        var ahead = new FillAhead(Slots(), slot => { Interlocked.Increment(ref fills); return endless(slot); });
        Assert.NotNull(ahead.Next());
        ahead.Dispose(); // returns: the thread waits for a free slot and is told to stop
        int after = Volatile.Read(ref fills);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref fills));
        Assert.InRange(after, 1, Slots().Length + 1);
    }
}
