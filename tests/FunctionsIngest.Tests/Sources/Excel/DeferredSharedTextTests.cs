using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Tests.Sources.Excel;

public class DeferredSharedTextTests
{
    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("n", ColumnType.Int64, Nullable: true),
        new ColumnSchema("s", ColumnType.String, Nullable: true),
    ]);

    private static readonly string[] Strings = ["zero", "one", "two", "three"];

    private static string Shared(int sharedIndex) => Strings[sharedIndex - 1];

    private static CellValue SharedCell(int index) => new() { Kind = CellKind.Text, SharedIndex = index + 1 };

    [Fact]
    public void Shared_text_is_a_placeholder_until_resolved_and_other_cells_keep_their_values()
    {
        var batch = new RecordBatch(Schema, 8);
        var deferred = new DeferredSharedText(Schema.Count, batch.Capacity);
        var strings = (StringVector)batch.Columns[1];
        Assert.True(BatchFiller.TryAppend(strings, SharedCell(2), deferred, 1));
        Assert.True(BatchFiller.TryAppend(strings, new CellValue { Kind = CellKind.Text, Text = "inline" }, deferred, 1));
        Assert.True(BatchFiller.TryAppend(strings, default, deferred, 1));
        Assert.True(BatchFiller.TryAppend(strings, SharedCell(0), deferred, 1));
        foreach (var n in new long[] { 1, 2, 3, 4 })
            ((PrimitiveVector<long>)batch.Columns[0]).Append(n);
        Assert.Null(strings.Values[0]); // the slot is left for the taking thread, the row already counts as a value
        Assert.False(strings.IsNull[0]);
        Assert.Equal(1, strings.NullCount);

        deferred.Resolve(batch, Shared);

        Assert.Equal(new string?[] { "two", "inline", null, "zero" }, strings.Values[..4].ToArray());
        Assert.Equal(1, strings.NullCount);
    }

    [Fact]
    public void A_reused_batch_does_not_get_the_previous_batchs_text()
    {
        var batch = new RecordBatch(Schema, 8);
        var deferred = new DeferredSharedText(Schema.Count, batch.Capacity);
        var strings = (StringVector)batch.Columns[1];
        var numbers = (PrimitiveVector<long>)batch.Columns[0];
        BatchFiller.TryAppend(strings, SharedCell(3), deferred, 1);
        BatchFiller.TryAppend(strings, SharedCell(1), deferred, 1);
        numbers.Append(1);
        numbers.Append(2);
        deferred.Resolve(batch, Shared);
        Assert.Equal(new string?[] { "three", "one" }, strings.Values[..2]);

        batch.Clear();
        BatchFiller.TryAppend(strings, new CellValue { Kind = CellKind.Text, Text = "own" }, deferred, 1);
        BatchFiller.TryAppend(strings, SharedCell(2), deferred, 1);
        numbers.Append(3);
        numbers.Append(4);
        deferred.Resolve(batch, Shared);
        Assert.Equal(new string?[] { "own", "two" }, strings.Values[..2]);
    }

    [Fact]
    public void Without_a_sink_shared_text_must_already_be_resolved()
    {
        var batch = new RecordBatch(Schema, 4);
        var strings = (StringVector)batch.Columns[1];
        var resolved = SharedCell(1);
        resolved.Text = "one";
        Assert.True(BatchFiller.TryAppend(strings, resolved));
        Assert.Equal("one", strings.Values[0]);
    }
}
