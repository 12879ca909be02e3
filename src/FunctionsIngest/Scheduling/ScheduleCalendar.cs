using NCrontab;

namespace FunctionsIngest.Scheduling;

/// <summary>
/// The instants a cron schedule fires in an IANA time zone. Wall-clock times are mapped to UTC with
/// defined DST rules: a time skipped by a spring-forward transition fires once, at the first valid
/// instant after the gap; a time repeated by a fall-back transition fires once, at its first occurrence.
/// </summary>
public sealed class ScheduleCalendar
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?), ScheduleCalendar> Cache = new();
    private readonly CrontabSchedule _schedule;
    private readonly TimeZoneInfo _zone;

    public ScheduleCalendar(string cron, string? timeZone)
    {
        _schedule = CronSchedule.Parse(cron);
        _zone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    /// <summary>A shared calendar for the schedule and zone (parsing a cron expression for every job on every tick adds up).</summary>
    public static ScheduleCalendar For(string cron, string? timeZone)
    {
        if (Cache.Count > 10_000)
            Cache.Clear();
        return Cache.GetOrAdd((cron, timeZone), key => new ScheduleCalendar(key.Item1, key.Item2));
    }

    /// <summary>The firing instants in (<paramref name="afterUtc"/>, <paramref name="untilUtc"/>], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset afterUtc, DateTimeOffset untilUtc)
    {
        var margin = TimeSpan.FromHours(3);
        var offset = _zone.GetUtcOffset(afterUtc - margin);
        if (untilUtc - afterUtc <= TimeSpan.FromHours(12) && offset == _zone.GetUtcOffset(untilUtc + margin)
            && offset == _zone.GetUtcOffset(afterUtc) && offset == _zone.GetUtcOffset(untilUtc))
        {
            // A short window with one offset around it holds no transition (zones change at most twice a year):
            // wall clock and UTC differ by that fixed offset. This is every regular tick.
            var start = (afterUtc + offset).DateTime;
            var end = (untilUtc + offset).DateTime.AddTicks(1);
            foreach (var local in _schedule.GetNextOccurrences(start, end))
                yield return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - offset, TimeSpan.Zero);
            yield break;
        }
        // Near a transition wall-clock windows shift with the offset, so scan a margin wider than any DST change and filter in UTC.
        var from = TimeZoneInfo.ConvertTime(afterUtc, _zone).DateTime - margin;
        var to = TimeZoneInfo.ConvertTime(untilUtc, _zone).DateTime + margin;
        DateTimeOffset? previous = null;
        foreach (var local in _schedule.GetNextOccurrences(from, to))
        {
            var instant = ToUtc(local);
            if (instant <= afterUtc || instant > untilUtc || instant == previous)
                continue;
            previous = instant;
            yield return instant;
        }
    }

    /// <summary>The next firing instant after <paramref name="afterUtc"/> (within 5 years), or null.</summary>
    public DateTimeOffset? Next(DateTimeOffset afterUtc)
    {
        var local = TimeZoneInfo.ConvertTime(afterUtc, _zone).DateTime - TimeSpan.FromHours(3);
        for (var i = 0; i < 10_000; i++)
        {
            local = _schedule.GetNextOccurrence(local);
            if (local.Year > afterUtc.Year + 5)
                return null;
            var instant = ToUtc(local);
            if (instant > afterUtc)
                return instant;
        }
        return null;
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            // In the spring-forward gap: the first valid wall-clock minute after it is the transition instant.
            var valid = local.AddTicks(TimeSpan.TicksPerMinute - local.Ticks % TimeSpan.TicksPerMinute);
            while (_zone.IsInvalidTime(valid))
                valid = valid.AddMinutes(1);
            local = valid;
        }
        var offset = _zone.IsAmbiguousTime(local)
            ? _zone.GetAmbiguousTimeOffsets(local).Max() // the first pass through a repeated hour has the larger (summer) offset
            : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
