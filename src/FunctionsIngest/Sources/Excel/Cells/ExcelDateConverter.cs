namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>
/// Excel date serials to microseconds, per ECMA-376 "Date Representation": 1900 system with the Lotus leap-year
/// bug (serial 60 is the phantom 1900-02-29, serials below 60 are one day later than the 1899-12-30 epoch gives),
/// 1904 system from 1904-01-01; results rounded to whole milliseconds, as readxl, Sylvan and openpyxl do.
/// </summary>
internal static class ExcelDateConverter
{
    public const long MicrosPerDay = 86_400_000_000L;
    private const long MillisPerDay = 86_400_000L;
    private const long Epoch1900Days = -25_569; // 1899-12-30 relative to 1970-01-01
    private const long Epoch1904Days = -24_107; // 1904-01-01 relative to 1970-01-01
    private const double Max1900 = 2_958_466; // exclusive: 9999-12-31 is 2,958,465
    private const double Max1904 = 2_957_004;

    /// <summary>The first serial past 9999-12-31.</summary>
    public static long SerialLimit(bool date1904) => (long)(date1904 ? Max1904 : Max1900);

    /// <summary>Days from 1970-01-01 to serial 0 (in the 1900 system, for serials from 61 on).</summary>
    public static long EpochDays(bool date1904) => date1904 ? Epoch1904Days : Epoch1900Days;

    /// <summary>Serial to microseconds since 1970-01-01; false for ill-formed serials (negative, 60.x in 1900, past 9999).</summary>
    public static bool TryToMicros(double serial, bool date1904, out long micros)
    {
        micros = 0;
        if (!(serial >= 0) || serial >= (date1904 ? Max1904 : Max1900))
            return false;
        long epochDays = date1904 ? Epoch1904Days : Epoch1900Days;
        if (!date1904)
        {
            if (serial >= 60 && serial < 61)
                return false;
            if (serial < 60)
                epochDays += 1;
        }
        long millis = (long)Math.Round(serial * MillisPerDay, MidpointRounding.AwayFromZero);
        micros = (millis + epochDays * MillisPerDay) * 1000;
        return true;
    }

    /// <summary>A fraction of a day in [0,1) to microseconds since midnight, rounded to ms; 24:00 after rounding wraps to 00:00.</summary>
    public static long TimeOfDayMicros(double fraction)
    {
        long millis = (long)Math.Round(fraction * MillisPerDay, MidpointRounding.AwayFromZero) % MillisPerDay;
        return millis * 1000;
    }

    /// <summary>A DateTime (clock time as written, any Kind) to microseconds since 1970-01-01, rounded to ms.</summary>
    public static long FromDateTime(DateTime value)
    {
        long ticks = value.Ticks - DateTime.UnixEpoch.Ticks;
        long millis = (long)Math.Round(ticks / 10_000.0, MidpointRounding.AwayFromZero);
        return millis * 1000;
    }

    public static DateTime ToDateTime(long micros) => DateTime.UnixEpoch.AddTicks(micros * 10);
}
