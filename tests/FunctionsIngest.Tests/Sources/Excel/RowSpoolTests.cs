using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Tests.Sources.Excel;

public class RowSpoolTests
{
    private static readonly string[] Shared = ["zero", "one", "two"];

    [Theory]
    [InlineData(RowSpool.MemoryLimit, false)]
    [InlineData(1000, true)]
    public void Replays_every_stored_cell_in_memory_and_after_spilling(int memoryLimit, bool spills)
    {
        using var spool = new RowSpool(i => Shared[i - 1], memoryLimit);
        var written = new List<(int Row, (int Column, CellValue Cell)[] Cells)>();
        var row = new RowBuffer();
        for (int r = 2; r < 400; r += 3)
        {
            row.Clear();
            row.RowNumber = r;
            var cells = new List<(int, CellValue)>
            {
                (0, new CellValue { Kind = CellKind.Number, Number = r * 1.5 }),
                (3, new CellValue { Kind = CellKind.Text, Text = $"t\u00e9xt {r} \U0001F600" }),
                (4, new CellValue { Kind = CellKind.Text, Text = Shared[r % 3], SharedIndex = r % 3 + 1 }),
                (7, new CellValue { Kind = CellKind.DateTime, Micros = -86_400_000_000L * r }),
                (8, new CellValue { Kind = CellKind.Time, Micros = r }),
                (16383, new CellValue { Kind = CellKind.Boolean, Number = r % 2 }),
            };
            foreach (var (column, cell) in cells)
                row.Put(column, cell);
            row.Put(9, new CellValue { Kind = CellKind.Error, Text = "#N/A" }); // not stored: pass 2 reads it as null
            spool.Write(row);
            written.Add((r, cells.ToArray()));
        }
        row.Clear();
        row.RowNumber = 500;
        row.Put(1, new CellValue { Kind = CellKind.NoCachedValue });
        spool.Write(row); // a row of nulls only is not stored at all

        spool.StartReading();
        Assert.Equal(spills, spool.OnDisk);
        foreach (var (number, cells) in written)
        {
            Assert.True(spool.Read(row));
            Assert.Equal(number, row.RowNumber);
            Assert.Equal(cells.Length, row.SetCount);
            foreach (var (column, cell) in cells)
                Assert.Equal(cell, row.Get(column));
            Assert.Equal(CellKind.Blank, row.Get(9).Kind);
        }
        Assert.False(spool.Read(row));
    }

    [Fact]
    public void Shared_string_indexes_of_every_varint_length_replay()
    {
        int[] indexes = [1, 127, 128, 300, 16_383, 16_384, 70_000, 2_100_000, 300_000_000];
        using var spool = new RowSpool(i => "s" + i);
        var row = new RowBuffer { RowNumber = 2 };
        for (int c = 0; c < indexes.Length; c++)
            row.Put(c * 20, new CellValue { Kind = CellKind.Text, SharedIndex = indexes[c] });
        spool.Write(row);
        spool.Write(row); // a second copy, so the first is read with the buffer's fast path and the last near its end
        spool.StartReading();
        for (int copy = 0; copy < 2; copy++)
        {
            Assert.True(spool.TryReadRowStart(out _, out int cells, out _));
            Assert.Equal(indexes.Length, cells);
            for (int c = 0; c < indexes.Length; c++)
            {
                Assert.Equal(c * 20, spool.ReadCell(out var cell));
                Assert.Equal((CellKind.Text, indexes[c], "s" + indexes[c]), (cell.Kind, cell.SharedIndex, cell.Text));
            }
        }
    }

    [Fact]
    public void Row_start_tells_the_cell_count_and_whether_columns_ascend()
    {
        using var spool = new RowSpool(i => Shared[i - 1]);
        var row = new RowBuffer { RowNumber = 3 };
        row.Put(2, new CellValue { Kind = CellKind.Number, Number = 1 });
        row.Put(200, new CellValue { Kind = CellKind.Text, SharedIndex = 2 });
        row.Put(5, new CellValue { Kind = CellKind.Error, Text = "#REF!" }); // not stored, and not counted
        spool.Write(row);
        row.Clear();
        row.RowNumber = 70_000;
        row.Put(9, new CellValue { Kind = CellKind.Boolean, Number = 1 });
        row.Put(4, new CellValue { Kind = CellKind.Text, Text = "late" });
        spool.Write(row);

        spool.StartReading();
        Assert.True(spool.TryReadRowStart(out int number, out int cells, out bool ascending));
        Assert.Equal((3, 2, true), (number, cells, ascending));
        Assert.Equal(2, spool.ReadCell(out var first));
        Assert.Equal(1.0, first.Number);
        Assert.Equal(200, spool.ReadCell(out var second));
        Assert.Equal("one", second.Text);
        Assert.True(spool.TryReadRowStart(out number, out cells, out ascending));
        Assert.Equal((70_000, 2, false), (number, cells, ascending));
        Assert.Equal(9, spool.ReadCell(out _));
        Assert.Equal(4, spool.ReadCell(out var text));
        Assert.Equal("late", text.Text);
        Assert.False(spool.TryReadRowStart(out _, out _, out _));
    }
}
