using ProjectTracker.Domain.GitHub.Timesheet;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// Streaks under each rule. March 2026: the 2nd, 9th, 16th and 23rd are Mondays; the 7th/8th, 14th/15th and 21st/22nd
/// weekends.
/// </summary>
public sealed class StreakRulesTests
{
    private static DateOnly D(int day) => new(2026, 3, day);

    /// <summary>Every day of March 1st to <paramref name="last"/>, with a commit on <paramref name="active"/>.</summary>
    private static List<ActivityDay> Days(int last, params int[] active) =>
        [.. Enumerable.Range(1, last).Select(d => new ActivityDay(D(d), active.Contains(d) ? 1 : 0, 0))];

    private static string Describe(Streak s) => s.Length == 0 ? "0" : $"{s.Length} {s.Start:dd}-{s.End:dd}";

    private static (string Current, string Longest) Find(
        List<ActivityDay> days, int today, StreakRule rule, bool rest = false, DayOfWeek firstDay = DayOfWeek.Monday, params int[] restDays)
    {
        var summary = Streaks.Find(days, D(today), new StreakChoice(rule, rest), firstDay, restDays.Select(D).ToHashSet());
        return (Describe(summary.Current), Describe(summary.Longest));
    }

    [Fact]
    public void Daily_TodayNotYetActive_CurrentRunsToYesterday()
    {
        var days = Days(15, 1, 2, 3, 4, 5, 12, 13, 14);

        Assert.Equal(("3 12-14", "5 01-05"), Find(days, 15, StreakRule.Daily));
        Assert.Equal(("0", "5 01-05"), Find(Days(15, 1, 2, 3, 4, 5, 12, 13), 15, StreakRule.Daily)); // yesterday missed
        var calendar = new ActivityCalendar(days, 3, 5, 8, D(15));
        Assert.Equal(new Streak(3, D(12), D(14)), calendar.StreaksUnder(StreakChoice.Daily, DayOfWeek.Monday).Current);
    }

    [Fact]
    public void Daily_EqualStreaks_TheFirstIsTheLongest()
    {
        Assert.Equal(("0", "2 01-02"), Find(Days(10, 1, 2, 5, 6), 10, StreakRule.Daily));
    }

    [Fact]
    public void Weekdays_WeekendsNeitherExtendNorBreak()
    {
        // Monday 2nd to Friday 13th every weekday; a commit on Saturday 7th; nothing on the 8th; Monday 16th (today) not yet.
        var days = Days(16, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13);

        Assert.Equal(("10 02-13", "10 02-13"), Find(days, 16, StreakRule.Weekdays));
        Assert.Equal(("0", "6 02-07"), Find(days, 16, StreakRule.Daily)); // Sunday 15th broke the daily one
        // A missed weekday breaks it: Wednesday 11th.
        Assert.Equal(("2 12-13", "7 02-10"), Find(Days(16, 2, 3, 4, 5, 6, 9, 10, 12, 13), 16, StreakRule.Weekdays));
    }

    [Fact]
    public void Rest_RedOrRestTaggedDaysNeitherExtendNorBreakADailyStreak()
    {
        // 1st to 3rd, rest on the 4th, 5th and 6th; a rest day with a commit (the 5th) does not count either.
        var days = Days(7, 1, 2, 3, 5, 6);

        Assert.Equal(("5 01-06", "5 01-06"), Find(days, 7, StreakRule.Daily, rest: true, restDays: [4]));
        Assert.Equal(("4 01-06", "4 01-06"), Find(days, 7, StreakRule.Daily, rest: true, restDays: [4, 5]));
        Assert.Equal(("2 05-06", "3 01-03"), Find(days, 7, StreakRule.Daily, rest: false, restDays: [4]));
        // With weekdays: the weekend and a rest day together.
        Assert.Equal(("5 04-10", "5 04-10"), Find(Days(11, 4, 5, 6, 9, 10), 11, StreakRule.Weekdays, rest: true, restDays: [11]));
    }

    [Fact]
    public void Weekly_WeeksWithAnActiveDay_ThisWeekNotYetActiveDoesNotBreakIt()
    {
        // Week of the 2nd: the 4th; of the 9th: Sunday 15th; of the 16th: nothing; of the 23rd: the 24th and 26th; today the
        // 31st (a Tuesday, its week not active yet).
        var days = Days(31, 4, 15, 24, 26);

        Assert.Equal(("1 24-26", "2 04-15"), Find(days, 31, StreakRule.Weekly));
        // Weeks from Sunday: 1st–7th (the 4th), 8th–14th (none), 15th–21st (the 15th), 22nd–28th, 29th– (today's).
        Assert.Equal(("2 15-26", "2 15-26"), Find(days, 31, StreakRule.Weekly, firstDay: DayOfWeek.Sunday));
        // A week of nothing but rest days is skipped.
        Assert.Equal(("3 04-26", "3 04-26"), Find(days, 31, StreakRule.Weekly, rest: true, restDays: [.. Enumerable.Range(16, 7)]));
    }

    [Fact]
    public void Find_NoDays_NoStreaks()
    {
        var summary = Streaks.Find([], D(1), new StreakChoice(StreakRule.Weekly));

        Assert.Equal((Streak.None, Streak.None), (summary.Current, summary.Longest));
    }
}
