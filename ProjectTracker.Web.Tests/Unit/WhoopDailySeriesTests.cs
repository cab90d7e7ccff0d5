using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class WhoopDailySeriesTests
{
    private static readonly DateRange Range = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5));

    private static DateTime Day(int day) => new(2026, 3, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_DaysWithoutAnyMeasure_AreLeftOut()
    {
        var days = WhoopDailySeries.Build(Range,
            [new WhoopRecovery { Id = 1, Date = Day(2), RecoveryScore = 70 }],
            [],
            [new WhoopCycle { Id = 1, Date = Day(4), Strain = 12.5, Kilojoules = 8368 }]);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4)], days.Select(d => d.Date));
        Assert.Equal(70, days[0].Recovery);
        Assert.Equal(2000, days[1].Calories!.Value, 6);
    }

    [Fact]
    public void Build_Naps_AreNotNights()
    {
        var days = WhoopDailySeries.Build(Range, [],
            [new WhoopSleep { Id = 1, Date = Day(3), IsNap = true, TotalSleepHours = 1, LightSleepMin = 60 }],
            []);

        Assert.Empty(days);
    }

    [Fact]
    public void Build_Night_GivesStagesInHoursAndNeed()
    {
        var days = WhoopDailySeries.Build(Range, [],
            [new WhoopSleep { Id = 1, Date = Day(3), TotalSleepHours = 7, LightSleepMin = 240, DeepSleepMin = 90, RemSleepMin = 90, AwakeMin = 30, SleepNeedMin = 480 }],
            []);

        var night = Assert.Single(days).Sleep!;
        Assert.Equal((4.0, 1.5, 1.5, 0.5, 8.0), (night.LightHours, night.DeepHours, night.RemHours, night.AwakeHours, night.NeedHours!.Value));
        Assert.Equal(7.0, night.AsleepHours);
    }

    [Fact]
    public void Build_CycleWithoutDate_FallsBackToItsStartDay()
    {
        var days = WhoopDailySeries.Build(Range, [], [], [new WhoopCycle { Id = 1, StartTime = Day(5).AddHours(3), Strain = 9 }]);

        Assert.Equal(new DateOnly(2026, 3, 5), Assert.Single(days).Date);
    }

    [Fact]
    public void ByWeek_DaysOfTwoWeeks_AveragesEachMeasureOverTheDaysThatHaveIt()
    {
        // 2026-03-08 is a Sunday: it closes the week of Monday the 2nd; the 9th opens the next.
        WhoopDay[] days =
        [
            new(new DateOnly(2026, 3, 2), 60, 40, 50, 10, 2000, new SleepNight(4, 1, 2, 0.5, 8, 80)),
            new(new DateOnly(2026, 3, 8), 80, null, 54, 14, null, new SleepNight(5, 2, 1, 0.5, null, 90)),
            new(new DateOnly(2026, 3, 9), 30, 20, null, null, null, null),
        ];

        var weeks = WhoopDailySeries.ByWeek(days);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], weeks.Select(w => w.Date));
        Assert.Equal(new WhoopDay(new DateOnly(2026, 3, 2), 70, 40, 52, 12, 2000, new SleepNight(4.5, 1.5, 1.5, 0.5, 8, 85)), weeks[0]);
        Assert.Equal(new WhoopDay(new DateOnly(2026, 3, 9), 30, 20, null, null, null, null), weeks[1]);
    }
}
