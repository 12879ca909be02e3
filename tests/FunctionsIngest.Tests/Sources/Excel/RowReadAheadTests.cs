using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Tests.Sources.Excel;

public class RowReadAheadTests
{
    private static Func<RowBuffer, bool> Rows(int count, int failAt = 0)
    {
        int next = 0;
        return row =>
        {
            if (++next == failAt)
                throw new IOException($"broken at {next}");
            if (next > count)
                return false;
            row.Clear();
            row.RowNumber = next;
            row.Put(next % 3, new CellValue { Kind = CellKind.Number, Number = next * 0.5 });
            return true;
        };
    }

    [Fact]
    public void Every_row_arrives_once_in_order_across_blocks()
    {
        const int count = ProfileRelay.BlockRows * 21 + 5;
        using var rows = new RowReadAhead(Rows(count));
        var seen = new List<(int, double)>();
        while (rows.Next() is { } row)
            seen.Add((row.RowNumber, row.Get(row.RowNumber % 3).Number));
        Assert.Equal(Enumerable.Range(1, count).Select(i => (i, i * 0.5)), seen);
        Assert.Null(rows.Next());
    }

    [Fact]
    public void A_failure_arrives_after_the_rows_read_before_it()
    {
        using var rows = new RowReadAhead(Rows(10_000, failAt: 700));
        int last = 0;
        var thrown = Assert.Throws<IOException>(() =>
        {
            while (rows.Next() is { } row)
                last = row.RowNumber;
        });
        Assert.Equal("broken at 700", thrown.Message);
        Assert.Equal(699, last);
    }

    [Fact]
    public void Disposing_early_stops_the_reading_thread()
    {
        int read = 0;
        var endless = Rows(int.MaxValue);
        var rows = new RowReadAhead(r => { Interlocked.Increment(ref read); return endless(r); });
        Assert.Equal(1, rows.Next()!.RowNumber);
        rows.Dispose(); // returns: the thread waits for a free block and is told to stop
        int after = Volatile.Read(ref read);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.InRange(after, 1, ProfileRelay.BlockRows * RowReadAhead.Blocks + 1);
    }
}
