namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>A deterministic table of every phase-1 column type, with the expected CLR values per row.</summary>
internal sealed class SampleTable
{
    public static readonly DateTime Epoch = DateTime.UnixEpoch;

    public SampleTable(int rows, bool nullable, int seed = 1)
    {
        var rng = new Random(seed);
        Columns =
        [
            new("b", ParquetColumnType.Boolean, nullable), new("i32", ParquetColumnType.Int32, nullable), new("i64", ParquetColumnType.Int64, nullable),
            new("f", ParquetColumnType.Float, nullable), new("d", ParquetColumnType.Double, nullable), new("s", ParquetColumnType.String, nullable),
            new("bin", ParquetColumnType.Binary, nullable), new("date", ParquetColumnType.Date, nullable), new("ts", ParquetColumnType.TimestampMicros, nullable),
            new("tsutc", ParquetColumnType.TimestampMicrosUtc, nullable), new("time", ParquetColumnType.TimeMicros, nullable),
        ];
        Rows = rows;
        Nulls = new bool[rows];
        Bools = new bool[rows];
        Ints = new int[rows];
        Longs = new long[rows];
        Floats = new float[rows];
        Doubles = new double[rows];
        Strings = new string?[rows];
        Binaries = new byte[]?[rows];
        Dates = new DateOnly[rows];
        Timestamps = new DateTime[rows];
        Times = new TimeOnly[rows];
        int[] specialInts = [int.MinValue, int.MaxValue, 0, -1, 1];
        long[] specialLongs = [long.MinValue, long.MaxValue, 0, -1, 1];
        DateTime[] specialTs = [DateTime.MinValue, new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990), new DateTime(1969, 12, 31, 23, 59, 59, 999), Epoch];
        for (int i = 0; i < rows; i++)
        {
            Nulls[i] = nullable && i % 7 == 3;
            Bools[i] = rng.Next(2) == 1;
            Ints[i] = i < specialInts.Length ? specialInts[i] : rng.Next(int.MinValue, int.MaxValue);
            Longs[i] = i < specialLongs.Length ? specialLongs[i] : rng.NextInt64(long.MinValue, long.MaxValue);
            Floats[i] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30)));
            Doubles[i] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-300, 300));
            Strings[i] = Nulls[i] ? null : (i % 3 == 0 ? $"row-{i}-ünïcødé-{rng.Next()}" : $"cat-{i % 11}");
            Binaries[i] = Nulls[i] ? null : Enumerable.Range(0, i % 9).Select(k => (byte)(k * 37 + i)).ToArray();
            Dates[i] = i == 0 ? DateOnly.MinValue : i == 1 ? DateOnly.MaxValue : DateOnly.FromDayNumber(rng.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
            Timestamps[i] = i < specialTs.Length ? specialTs[i] : Epoch.AddTicks(rng.NextInt64(-600_000_000_000_000_000, 2_000_000_000_000_000_000) / 10 * 10);
            Times[i] = i == 0 ? TimeOnly.MinValue : i == 1 ? new TimeOnly(TimeOnly.MaxValue.Ticks / 10 * 10) : new TimeOnly(rng.NextInt64(0, TimeOnly.MaxValue.Ticks) / 10 * 10);
        }
    }

    public ParquetColumn[] Columns { get; }
    public int Rows { get; }
    public bool[] Nulls { get; }
    public bool[] Bools { get; }
    public int[] Ints { get; }
    public long[] Longs { get; }
    public float[] Floats { get; }
    public double[] Doubles { get; }
    public string?[] Strings { get; }
    public byte[]?[] Binaries { get; }
    public DateOnly[] Dates { get; }
    public DateTime[] Timestamps { get; }
    public TimeOnly[] Times { get; }

    public string[] ColumnNames => Columns.Select(c => c.Name).ToArray();

    public static int Days(DateOnly d) => d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long Micros(DateTime t) => (t.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>Writes rows [start, start+count) as one batch.</summary>
    public void WriteBatch(ParquetWriter w, int start, int count)
    {
        var nulls = Columns[0].Nullable ? Nulls.AsSpan(start, count) : default;
        w.WriteBoolean(0, Bools.AsSpan(start, count), nulls);
        w.WriteInt32(1, Ints.AsSpan(start, count), nulls);
        w.WriteInt64(2, Longs.AsSpan(start, count), nulls);
        w.WriteFloat(3, Floats.AsSpan(start, count), nulls);
        w.WriteDouble(4, Doubles.AsSpan(start, count), nulls);
        w.WriteString(5, Strings.AsSpan(start, count));
        w.WriteBinary(6, Binaries.AsSpan(start, count));
        w.WriteInt32(7, Dates.AsSpan(start, count).ToArray().Select(Days).ToArray(), nulls);
        var ts = Timestamps.AsSpan(start, count).ToArray().Select(Micros).ToArray();
        w.WriteInt64(8, ts, nulls);
        w.WriteInt64(9, ts, nulls);
        w.WriteInt64(10, Times.AsSpan(start, count).ToArray().Select(t => t.Ticks / 10).ToArray(), nulls);
        w.EndBatch();
    }

    public void WriteAll(ParquetWriter w, int batchSize)
    {
        for (int start = 0; start < Rows; start += batchSize) WriteBatch(w, start, Math.Min(batchSize, Rows - start));
    }

    public IEnumerable<object?[]> ExpectedRows()
    {
        for (int i = 0; i < Rows; i++)
        {
            if (Nulls[i])
            {
                yield return new object?[Columns.Length];
                continue;
            }

            yield return [Bools[i], Ints[i], Longs[i], Floats[i], Doubles[i], Strings[i], Binaries[i], Dates[i], Timestamps[i], Timestamps[i], Times[i]];
        }
    }
}
