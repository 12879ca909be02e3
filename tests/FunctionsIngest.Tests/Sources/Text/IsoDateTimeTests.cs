using System.Globalization;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Sources.Text;

public class IsoDateTimeTests
{
    [Fact]
    public void Day_numbers_match_the_calendar_on_every_day_of_four_centuries_and_at_the_ends()
    {
        var epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var days = Enumerable.Range(0, 146_097 + 400).Select(i => new DateOnly(1899, 1, 1).AddDays(i))
            .Concat([DateOnly.MinValue, DateOnly.MinValue.AddDays(59), DateOnly.MaxValue, new DateOnly(2000, 2, 29), new DateOnly(2100, 3, 1)]);
        foreach (var day in days)
        {
            Assert.Equal(day.DayNumber - epoch, IsoDateTime.DaysFromCivil(day.Year, day.Month, day.Day));
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(IsoDateTime.TryParseDate(text, out int parsed), text);
            Assert.Equal(day.DayNumber - epoch, parsed);
        }
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2024-04-31")]
    [InlineData("2024-13-01")]
    [InlineData("0000-01-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("2024-1-010")]
    public void Impossible_dates_are_refused(string text) => Assert.False(IsoDateTime.TryParseDate(text, out _));

    [Fact]
    public void Timestamps_count_microseconds_from_the_epoch()
    {
        Assert.True(IsoDateTime.TryParseTimestamp("1969-12-31 23:59:59.5", out long before));
        Assert.Equal(-500_000, before);
        Assert.True(IsoDateTime.TryParseTimestamp("2024-02-29T12:00:00+02:00", out long leap));
        Assert.Equal(IsoDateTime.ToEpochMicros(new DateTime(2024, 2, 29, 10, 0, 0, DateTimeKind.Utc)), leap);
    }

    [Theory]
    [InlineData("00:00", 0L)]
    [InlineData("23:59", 86_340_000_000L)]
    [InlineData("23:59:59.9999999", 86_399_999_999L)]
    [InlineData("07:05:09.25", 25_509_250_000L)]
    public void Times_of_day_count_microseconds_from_midnight(string text, long expected)
    {
        Assert.True(IsoDateTime.TryParseTime(text, out long micros), text);
        Assert.Equal(expected, micros);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("23:60")]
    [InlineData("12:00:60")]
    [InlineData("1a:00")]
    [InlineData("12:0b")]
    [InlineData("12-00")]
    [InlineData("12:00:5")]
    public void Impossible_times_are_refused(string text) => Assert.False(IsoDateTime.TryParseTime(text, out _));
}
