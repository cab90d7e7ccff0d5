namespace ProjectTracker.Domain.GitHub.Timesheet;

public sealed record ActivityDay(DateOnly Date, int Commits, double Minutes);

/// <summary>
/// Every local day of a range with its commits and coding minutes, and the daily streaks in it (<see cref="Streaks"/>):
/// consecutive days with a commit; the current one counts while today or yesterday has a commit (today may not be over
/// yet). <see cref="Today"/> is the owner's today the streaks were read on (default: the range's last day).
/// </summary>
public sealed record ActivityCalendar(IReadOnlyList<ActivityDay> Days, int CurrentStreak, int LongestStreak, int TotalCommits, DateOnly? Today = null)
{
    public static ActivityCalendar Build(CodingDays coding, DateOnly today)
    {
        var byDay = coding.Days.GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => (Commits: g.Sum(d => d.Commits), Minutes: g.Sum(d => d.Minutes)));
        var days = new List<ActivityDay>(coding.Range.Days);
        for (var date = coding.Range.Start; date <= coding.Range.End; date = date.AddDays(1))
        {
            var (commits, minutes) = byDay.GetValueOrDefault(date);
            days.Add(new ActivityDay(date, commits, minutes));
        }

        var daily = Streaks.Find(days, today, StreakChoice.Daily);
        return new ActivityCalendar(days, daily.Current.Length, daily.Longest.Length, days.Sum(d => d.Commits), today);
    }

    /// <summary>The streaks under another rule; <paramref name="restDays"/> are the days <see cref="StreakChoice.Rest"/> skips.</summary>
    public StreakSummary StreaksUnder(StreakChoice choice, DayOfWeek firstDayOfWeek, IReadOnlySet<DateOnly>? restDays = null) =>
        Streaks.Find(Days, Today ?? (Days.Count > 0 ? Days[^1].Date : default), choice, firstDayOfWeek, restDays);
}
