using FunctionsIngest.Scheduling;

namespace FunctionsIngest.Tests.Scheduling;

public sealed class ScheduleCalendarTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    private static string[] Fires(string cron, string? zone, string after, string until) =>
        new ScheduleCalendar(cron, zone).Occurrences(Utc(after), Utc(until)).Select(o => o.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Five_field_schedules_fire_on_the_minute_in_utc_by_default() =>
        Assert.Equal(["2026-01-05T10:15:00Z", "2026-01-05T10:30:00Z", "2026-01-05T10:45:00Z"],
            Fires("*/15 * * * *", null, "2026-01-05T10:00:00Z", "2026-01-05T10:59:59Z"));

    [Fact]
    public void Six_field_schedules_have_seconds() =>
        Assert.Equal(["2026-01-05T10:00:20Z", "2026-01-05T10:00:40Z"], Fires("*/20 * * * * *", null, "2026-01-05T10:00:00Z", "2026-01-05T10:00:59Z"));

    [Fact]
    public void The_window_is_exclusive_at_the_start_and_inclusive_at_the_end() =>
        Assert.Equal(["2026-01-05T11:00:00Z"], Fires("0 * * * *", null, "2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z"));

    [Fact]
    public void Schedules_are_evaluated_in_the_job_time_zone() =>
        // 06:00 in Paris is 05:00 UTC in winter and 04:00 UTC in summer.
        Assert.Equal(["2026-01-15T05:00:00Z", "2026-07-15T04:00:00Z"],
            [.. Fires("0 6 15 1 *", "Europe/Paris", "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"), .. Fires("0 6 15 7 *", "Europe/Paris", "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z")]);

    [Fact]
    public void A_time_skipped_by_spring_forward_fires_once_at_the_first_valid_instant_after_it() =>
        // Paris, 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00 UTC); 02:30 does not exist that day.
        Assert.Equal(["2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"],
            Fires("30 2 * * *", "Europe/Paris", "2026-03-28T00:00:00Z", "2026-03-30T12:00:00Z"));

    [Fact]
    public void Several_skipped_times_in_one_gap_still_fire_once() =>
        Assert.Equal(["2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:15:00Z"],
            Fires("*/15 1-3 * * *", "Europe/Paris", "2026-03-29T00:40:00Z", "2026-03-29T01:20:00Z"));

    [Fact]
    public void A_time_repeated_by_fall_back_fires_once_at_its_first_occurrence() =>
        // Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens at 00:30 UTC and again at 01:30 UTC.
        Assert.Equal(["2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"],
            Fires("30 2 * * *", "Europe/Paris", "2026-10-24T00:00:00Z", "2026-10-26T12:00:00Z"));

    [Fact]
    public void An_hourly_schedule_fires_once_per_wall_clock_hour_across_fall_back()
    {
        // The local day of 2026-10-25 in New York... uses 2026-11-01 (US fall-back): 25 real hours, 24 wall-clock hours.
        var fires = Fires("0 * * * *", "America/New_York", "2026-11-01T03:59:00Z", "2026-11-02T04:59:00Z");
        Assert.Equal(24, fires.Length);
        Assert.Contains("2026-11-01T05:00:00Z", fires); // 01:00 EDT, the first pass through 01:00
        Assert.DoesNotContain("2026-11-01T06:00:00Z", fires); // 01:00 EST, the repeat
    }

    [Fact]
    public void Month_ends_and_leap_days_follow_the_calendar()
    {
        Assert.Equal(["2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z"],
            Fires("0 0 31 * *", null, "2026-01-01T00:00:00Z", "2026-06-15T00:00:00Z"));
        Assert.Equal(DateTimeOffset.Parse("2028-02-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            new ScheduleCalendar("0 12 29 2 *", null).Next(Utc("2026-11-22T00:00:00Z")));
    }

    [Fact]
    public void Next_gives_the_following_instant_in_the_zone() =>
        Assert.Equal(Utc("2026-11-23T05:00:00Z"), new ScheduleCalendar("0 6 * * *", "Europe/Paris").Next(Utc("2026-11-22T05:00:00Z")));
}
