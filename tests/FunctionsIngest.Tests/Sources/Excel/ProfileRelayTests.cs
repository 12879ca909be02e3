using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

public class ProfileRelayTests
{
    [Fact]
    public void Every_committed_row_is_taken_once_in_order_across_blocks()
    {
        var taken = new List<(int Row, double Value)>();
        using var relay = new ProfileRelay(r => taken.Add((r.RowNumber, r.Get(2).Number)));
        const int rows = ProfileRelay.BlockRows * 9 + 17;
        for (int i = 1; i <= rows; i++)
        {
            var row = relay.Next;
            row.Clear();
            row.RowNumber = i;
            row.Put(2, new CellValue { Kind = CellKind.Number, Number = i * 0.5 });
            if (i % 5 != 0) // an uncommitted row's buffer is simply read into again
                relay.Commit();
        }
        relay.Complete();
        var expected = Enumerable.Range(1, rows).Where(i => i % 5 != 0).Select(i => (i, i * 0.5)).ToList();
        Assert.Equal(expected, taken);
    }

    [Fact]
    public void A_failure_on_the_helper_reaches_the_scanning_thread()
    {
        using var relay = new ProfileRelay(r =>
        {
            if (r.RowNumber == 300)
                throw new IOException("disk full");
        });
        var thrown = Assert.Throws<IOException>(() =>
        {
            for (int i = 1; i <= 100_000; i++)
            {
                relay.Next.Clear();
                relay.Next.RowNumber = i;
                relay.Commit();
            }
            relay.Complete();
        });
        Assert.Equal("disk full", thrown.Message);
    }

    [Fact]
    public void Disposing_without_completing_stops_the_helper()
    {
        int taken = 0;
        var relay = new ProfileRelay(_ => Interlocked.Increment(ref taken));
        for (int i = 0; i < ProfileRelay.BlockRows * 3; i++)
            relay.Commit();
        relay.Dispose(); // the scan failed: returns without waiting for rows nobody needs
        Assert.InRange(taken, 0, ProfileRelay.BlockRows * 3);
    }

    [Fact]
    public void Wide_rows_fill_short_blocks_and_give_their_memory_back()
    {
        var widths = new List<(int Row, int Width)>();
        var relay = new ProfileRelay(r => widths.Add((r.RowNumber, r.Width)));
        var buffers = new HashSet<RowBuffer>(ReferenceEqualityComparer.Instance);
        for (int i = 1; i <= 40; i++)
        {
            var row = relay.Next;
            buffers.Add(row);
            row.Clear();
            row.RowNumber = i;
            row.Put(i % 2 == 0 ? RowBuffer.MaxColumns - 1 : 3, new CellValue { Kind = CellKind.Number, Number = i });
            relay.Commit();
        }
        relay.Complete();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (i, i % 2 == 0 ? RowBuffer.MaxColumns : 4)), widths);
        // A block closes after BlockCells cells: with every other row 16,384 cells wide, a block holds 4 rows (not 256),
        // so the four blocks use 16 buffers in all.
        Assert.Equal(2, ProfileRelay.BlockCells / RowBuffer.MaxColumns);
        Assert.Equal(16, buffers.Count);
        Assert.All(buffers, b => Assert.InRange(b.Capacity, 1, ProfileRelay.KeptRowCells));
        relay.Dispose();
    }

    [Fact]
    public void A_wide_sheet_reads_the_same_with_the_helper()
    {
        var book = new XlsxBuilder();
        var rows = new System.Text.StringBuilder();
        for (int r = 1; r <= 60; r++)
        {
            rows.Append($"<row r=\"{r}\">");
            foreach (int c in new[] { 0, 1, 700, 2999 })
            {
                var reference = XlsxBuilder.Ref(c, r);
                rows.Append(r == 1 ? book.Cell(reference, $"h{c}") : $"<c r=\"{reference}\"><v>{r * 10 + c}</v></c>");
            }
            rows.Append("</row>");
        }
        book.Sheet("Wide", rows.ToString());
        using var dir = new TempDir();
        var path = book.Save(dir);
        var options = new ExcelReadOptions { BatchSize = 7 };
        var alone = Snapshot(path, options with { ProfileHelperAfterRows = int.MaxValue });
        Assert.Equal(alone, Snapshot(path, options with { ProfileHelperAfterRows = 1 }));
        Assert.Contains("h2999:", alone, StringComparison.Ordinal);
    }

    public static TheoryData<string> Workbooks() => new(Corpus.Files("*.xls*").Select(Path.GetFileName)!);

    /// <summary>Every sheet of every corpus workbook, with the helper from the first data row and without it.</summary>
    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Profiling_on_a_helper_thread_reads_every_corpus_sheet_the_same(string file)
    {
        var path = Corpus.File(file);
        foreach (var sheet in ExcelTableReader.ListSheets(path))
        {
            foreach (var options in new[]
            {
                new ExcelReadOptions { Sheet = sheet, BatchSize = 5 },
                new ExcelReadOptions { Sheet = sheet, HeaderRow = null, IncludeHiddenRows = false, FillMergedCells = true, BatchSize = 5 },
            })
            {
                var alone = Snapshot(path, options with { ProfileHelperAfterRows = int.MaxValue });
                var helped = Snapshot(path, options with { ProfileHelperAfterRows = 1 });
                Assert.Equal(alone, helped);
            }
        }
    }

    private static string Snapshot(string path, ExcelReadOptions options) => ExcelSnapshot.Of(path, options);
}
