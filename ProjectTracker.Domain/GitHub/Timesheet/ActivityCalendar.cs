namespace ProjectTracker.Domain.GitHub.Timesheet;

public sealed record ActivityDay(DateOnly Date, int Commits, double Minutes);

/// <summary>
/// Every local day of a range with its commits and coding minutes, and the streaks in it: a streak is consecutive days
/// with a commit; the current one counts while today or yesterday has a commit (today may not be over yet).
/// </summary>
public sealed record ActivityCalendar(IReadOnlyList<ActivityDay> Days, int CurrentStreak, int LongestStreak, int TotalCommits)
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

        return new ActivityCalendar(days, Streaks.Current(days, today), Streaks.Longest(days), days.Sum(d => d.Commits));
    }
}

public static class Streaks
{
    public static int Longest(IReadOnlyList<ActivityDay> days)
    {
        int longest = 0, run = 0;
        foreach (var day in days)
        {
            run = day.Commits > 0 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>The run of days with commits ending today, or yesterday when today has none yet; 0 otherwise.</summary>
    public static int Current(IReadOnlyList<ActivityDay> days, DateOnly today)
    {
        var active = days.Where(d => d.Commits > 0).Select(d => d.Date).ToHashSet();
        var day = active.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (active.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
