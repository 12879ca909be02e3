using FunctionsIngest.Parquet.Tests.Support;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Parquet.Tests.RoundTrip;

/// <summary>WriteDate/WriteTimestamp/WriteTime store the same values as the raw WriteInt32/WriteInt64 path.</summary>
public class ConversionHelperTests
{
    [Fact]
    public void Clr_date_and_time_helpers_round_trip_in_every_unit()
    {
        DateOnly[] dates = [new(1, 1, 1), new(1969, 12, 31), new(1970, 1, 1), new(2024, 2, 29), new(9999, 12, 31)];
        DateTime[] stamps = [new(1, 1, 1), new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(9_999_990), DateTime.UnixEpoch, new(2024, 2, 29, 12, 30, 45, 123), new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990)];
        TimeOnly[] times = [TimeOnly.MinValue, new(0, 0, 0, 1), new(12, 30, 45, 123, 456), new(23, 59, 59, 999, 999), new(6, 0)];
        bool[] nulls = [false, false, true, false, false];
        ParquetColumn[] columns =
        [
            new("d", ParquetColumnType.Date), new("tsus", ParquetColumnType.TimestampMicros), new("tsusutc", ParquetColumnType.TimestampMicrosUtc),
            new("tsms", ParquetColumnType.TimestampMillis), new("tus", ParquetColumnType.TimeMicros), new("tms", ParquetColumnType.TimeMillis),
        ];
        string path = TestFile.Write("helpers", columns, null, w =>
        {
            w.WriteDate(0, dates, nulls);
            w.WriteTimestamp(1, stamps, nulls);
            w.WriteTimestamp(2, stamps, nulls);
            w.WriteTimestamp(3, stamps, nulls);
            w.WriteTime(4, times, nulls);
            w.WriteTime(5, times, nulls);
            w.EndBatch();
        });
        static DateTime Millis(DateTime t) => new(t.Ticks - (((t.Ticks % TimeSpan.TicksPerMillisecond) + TimeSpan.TicksPerMillisecond) % TimeSpan.TicksPerMillisecond));
        static TimeOnly MillisTime(TimeOnly t) => new(t.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
        var expected = Enumerable.Range(0, 5).Select(i => nulls[i]
            ? new object?[6]
            : new object?[] { dates[i], stamps[i], stamps[i], Millis(stamps[i]), times[i], MillisTime(times[i]) });
        ParquetOracle.AssertAllReadersSee(path, columns.Select(c => c.Name).ToArray(), expected);
    }

    [Fact]
    public void Helpers_reject_columns_of_another_type()
    {
        using var w = new ParquetWriter(new MemoryStream(), [new("i", ParquetColumnType.Int32), new("l", ParquetColumnType.Int64)]);
        Assert.Contains("'i'", Assert.Throws<ArgumentException>(() => w.WriteDate(0, [DateOnly.MinValue], default)).Message, StringComparison.Ordinal);
        Assert.Contains("'l'", Assert.Throws<ArgumentException>(() => w.WriteTimestamp(1, [DateTime.UnixEpoch], default)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => w.WriteTime(1, [TimeOnly.MinValue], default));
        Assert.Throws<ArgumentException>(() => w.WriteUInt32(0, [1u], default));
    }
}
