using System.Globalization;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class WhoopDaysTests
{
    private static readonly TimeSpan Pacific = TimeSpan.FromHours(-8);
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("+05:30", 5.5)]
    [InlineData("-08:00", -8.0)]
    [InlineData("+00:00", 0.0)]
    [InlineData("-03:30", -3.5)]
    [InlineData("+14:00", 14.0)]
    [InlineData("Z", 0.0)]
    [InlineData("z", 0.0)]
    public void ParseOffset_WellFormed_GivesOffset(string offset, double expectedHours)
    {
        Assert.Equal(TimeSpan.FromHours(expectedHours), WhoopDays.ParseOffset(offset));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bogus")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("+5")]
    [InlineData("+25:00")]
    [InlineData("+05:60")]
    public void ParseOffset_AbsentOrMalformed_GivesNull(string? offset)
    {
        Assert.Null(WhoopDays.ParseOffset(offset));
    }

    [Theory]
    [InlineData("2026-03-10T06:30:00Z", -8, "2026-03-09")]
    [InlineData("2026-03-09T23:30:00Z", 9, "2026-03-10")]
    [InlineData("2026-03-10T06:30:00Z", 0, "2026-03-10")]
    [InlineData("2026-03-10T08:00:00Z", -8, "2026-03-10")]
    public void SleepDay_End_GivesLocalDayOfWaking(string endUtc, int offsetHours, string expected)
    {
        Assert.Equal(Date(expected), WhoopDays.SleepDay(Utc(endUtc), TimeSpan.FromHours(offsetHours)));
    }

    [Fact]
    public void CycleDay_EveningStartAtNegativeOffset_GivesNextLocalDay()
    {
        Assert.Equal(Date("2026-03-10"), WhoopDays.CycleDay(Utc("2026-03-10T05:00:00Z"), Pacific));
    }

    [Fact]
    public void CycleDay_EveningStartAtPositiveOffset_GivesNextLocalDay()
    {
        Assert.Equal(Date("2026-03-10"), WhoopDays.CycleDay(Utc("2026-03-09T13:00:00Z"), Tokyo));
    }

    [Fact]
    public void CycleDay_StartAfterLocalMidnight_GivesSameLocalDay()
    {
        Assert.Equal(Date("2026-03-10"), WhoopDays.CycleDay(Utc("2026-03-10T09:30:00Z"), Pacific));
    }

    [Theory]
    [InlineData("2026-03-10T05:00:00Z", -8, "2026-03-09")]
    [InlineData("2026-03-10T17:00:00Z", -8, "2026-03-10")]
    [InlineData("2026-03-09T16:00:00Z", 9, "2026-03-10")]
    [InlineData("2026-03-09T14:59:00Z", 9, "2026-03-09")]
    public void WorkoutDay_Start_GivesLocalDayOfStart(string startUtc, int offsetHours, string expected)
    {
        Assert.Equal(Date(expected), WhoopDays.WorkoutDay(Utc(startUtc), TimeSpan.FromHours(offsetHours)));
    }

    [Fact]
    public void CycleDay_ConsecutiveCyclesAtNegativeOffset_GiveConsecutiveDistinctDays()
    {
        var first = WhoopDays.CycleDay(Utc("2026-03-10T05:00:00Z"), Pacific);
        var second = WhoopDays.CycleDay(Utc("2026-03-11T07:30:00Z"), Pacific);

        Assert.NotEqual(first, second);
        Assert.Equal(first.AddDays(1), second);
    }

    [Fact]
    public void CycleDay_ConsecutiveCyclesAtPositiveOffset_GiveConsecutiveDistinctDays()
    {
        var first = WhoopDays.CycleDay(Utc("2026-03-09T13:00:00Z"), Tokyo);
        var second = WhoopDays.CycleDay(Utc("2026-03-10T14:30:00Z"), Tokyo);

        Assert.Equal(Date("2026-03-10"), first);
        Assert.Equal(Date("2026-03-11"), second);
    }

    [Fact]
    public void AsStoredDate_Day_IsMidnightUtc()
    {
        var stored = WhoopDays.AsStoredDate(Date("2026-03-10"));

        Assert.Equal(new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), stored);
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
    }
}
