using FunctionsIngest.Data;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>Reads a whole table into rows of plain values for cell-by-cell assertions.</summary>
public static class TableReading
{
    /// <summary>Each value as: long, double, bool, DateOnly (Date), DateTime (Timestamp), TimeOnly (Time), string, or null.</summary>
    public static List<object?[]> ReadAll(ITableReader reader)
    {
        var rows = new List<object?[]>();
        RecordBatch? batch;
        while ((batch = reader.ReadNextBatch()) is not null)
            rows.AddRange(BatchRows(batch));
        return rows;
    }

    /// <summary>One batch's rows, as <see cref="ReadAll"/> gives them.</summary>
    public static IEnumerable<object?[]> BatchRows(RecordBatch batch) =>
        Enumerable.Range(0, batch.RowCount).Select(r => batch.Columns.Select(c => ValueAt(c, r)).ToArray());

    public static object? ValueAt(ColumnVector column, int row)
    {
        if (column.IsNull[row])
            return null;
        return column.Type switch
        {
            ColumnType.String => ((StringVector)column).Values[row],
            ColumnType.Int64 => ((PrimitiveVector<long>)column).Values[row],
            ColumnType.Double => ((PrimitiveVector<double>)column).Values[row],
            ColumnType.Boolean => ((PrimitiveVector<bool>)column).Values[row],
            ColumnType.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + ((PrimitiveVector<int>)column).Values[row]),
            ColumnType.Timestamp => DateTime.UnixEpoch.AddTicks(((PrimitiveVector<long>)column).Values[row] * 10),
            ColumnType.Time => TimeOnly.FromTimeSpan(TimeSpan.FromTicks(((PrimitiveVector<long>)column).Values[row] * 10)),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    public static string[] Names(ITableReader reader) => reader.Schema.Columns.Select(c => c.Name).ToArray();

    public static ColumnType[] Types(ITableReader reader) => reader.Schema.Columns.Select(c => c.Type).ToArray();

    /// <summary>Asserts every cell, reporting the first mismatch by row and column.</summary>
    public static void AssertRows(IReadOnlyList<object?[]> expected, IReadOnlyList<object?[]> actual)
    {
        for (int r = 0; r < Math.Min(expected.Count, actual.Count); r++)
        {
            Assert.True(expected[r].Length == actual[r].Length, $"row {r}: expected {expected[r].Length} cells, got {actual[r].Length}");
            for (int c = 0; c < expected[r].Length; c++)
                Assert.True(Equals(expected[r][c], actual[r][c]), $"row {r}, column {c}: expected <{Show(expected[r][c])}>, got <{Show(actual[r][c])}>");
        }
        Assert.Equal(expected.Count, actual.Count);
    }

    public static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    public static DateTime Ts(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) => new(y, mo, d, h, mi, s, ms);

    public static DateOnly D(int y, int m, int d) => new(y, m, d);
}
