namespace ProjectTracker.Domain.GitHub;

/// <summary>The owner's commits on one UTC day (one project's, or summed over all projects).</summary>
public sealed record DailyCommitCount(DateOnly Day, int Commits);

/// <summary>Commits per week, starting Monday: the shape the activity charts draw.</summary>
public sealed record WeeklyCommitCount(DateOnly WeekStart, int Commits);

public static class CommitActivity
{
    /// <summary>
    /// Sums <paramref name="days"/> into ISO weeks (Monday first) from the first active week to the last, with quiet weeks
    /// as 0: the table stores only days with commits, and a line drawn straight across a gap would invent activity.
    /// </summary>
    public static IReadOnlyList<WeeklyCommitCount> Weekly(IEnumerable<DailyCommitCount> days)
    {
        var byWeek = days
            .GroupBy(d => WeekStart(d.Day))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Commits));
        if (byWeek.Count == 0)
        {
            return [];
        }

        var weeks = new List<WeeklyCommitCount>();
        for (var week = byWeek.Keys.Min(); week <= byWeek.Keys.Max(); week = week.AddDays(7))
        {
            weeks.Add(new WeeklyCommitCount(week, byWeek.GetValueOrDefault(week)));
        }

        return weeks;
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
