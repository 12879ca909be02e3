using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Tests.Sources.Excel;

public class ExcelDateConverterTests
{
    private static DateTime At(double serial, bool date1904 = false)
    {
        Assert.True(ExcelDateConverter.TryToMicros(serial, date1904, out long micros), $"serial {serial} rejected");
        return ExcelDateConverter.ToDateTime(micros);
    }

    [Fact]
    public void Maps_the_1900_system_with_the_leap_year_bug()
    {
        Assert.Equal(new DateTime(1900, 1, 1), At(1));
        Assert.Equal(new DateTime(1900, 2, 28), At(59));
        Assert.Equal(new DateTime(1900, 3, 1), At(61));
        Assert.Equal(new DateTime(2000, 1, 1), At(36526));
        Assert.Equal(new DateTime(9999, 12, 31), At(2_958_465));
        Assert.Equal(new DateTime(1900, 1, 1, 8, 0, 0), At(1 + 1.0 / 3));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(60.5)]
    [InlineData(-1)]
    [InlineData(2_958_466)]
    [InlineData(double.NaN)]
    public void Rejects_serials_that_are_no_real_date(double serial) =>
        Assert.False(ExcelDateConverter.TryToMicros(serial, false, out _));

    [Fact]
    public void Maps_the_1904_system()
    {
        Assert.Equal(new DateTime(1904, 1, 1), At(0, date1904: true));
        Assert.Equal(new DateTime(2000, 1, 1), At(36526 - 1462, date1904: true));
        Assert.Equal(new DateTime(1904, 3, 1), At(60, date1904: true)); // no leap bug in 1904
        Assert.False(ExcelDateConverter.TryToMicros(2_957_004, true, out _));
    }

    [Fact]
    public void Rounds_to_milliseconds()
    {
        // Truncating ticks would give 23:59:59.9999991 (measured in the brief).
        Assert.Equal(new DateTime(2016, 4, 30), At(42489.99999999999));
        Assert.Equal(new DateTime(2016, 4, 28, 11, 30, 0), At(42488.479166666664));
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, 333), At(36526.00000385803));
    }

    [Fact]
    public void Time_of_day_rounds_and_wraps()
    {
        Assert.Equal(12L * 3600 * 1_000_000, ExcelDateConverter.TimeOfDayMicros(0.5));
        Assert.Equal(0, ExcelDateConverter.TimeOfDayMicros(0.999999999999));
        Assert.Equal((6L * 3600 + 30 * 60) * 1_000_000, ExcelDateConverter.TimeOfDayMicros(0.2708333333333333));
    }
}
