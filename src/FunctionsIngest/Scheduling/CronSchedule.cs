using NCrontab;

namespace FunctionsIngest.Scheduling;

/// <summary>NCRONTAB expressions as Azure Functions timers use them: 5 fields, or 6 with seconds first.</summary>
public static class CronSchedule
{
    /// <summary>Why <paramref name="expression"/> is not a valid schedule, or null if it is.</summary>
    public static string? Validate(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
            return $"'{expression}' has {fields} field(s); a schedule has 5 (minute hour day month day-of-week) or 6 (second first).";
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return schedule is null ? $"'{expression}' is not a valid NCRONTAB expression." : null;
    }

    public static CrontabSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }
}
