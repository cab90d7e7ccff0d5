namespace ProjectTracker.Domain.GitHub;

/// <summary>One working session: commits less than the session gap apart, plus the work assumed before the first.</summary>
public sealed record CodingSession(DateTime FirstCommit, DateTime LastCommit, int Commits, TimeSpan Duration);

/// <summary>
/// The git-hours rule, the one estimator behind <c>time_spent</c>, the timesheet and the activity calendar: commits less
/// than <c>sessionGap</c> apart form one session; each session counts from its first to its last commit plus
/// <c>sessionStart</c> for the work before the first.
/// </summary>
public static class CodingSessions
{
    public static IReadOnlyList<CodingSession> Split(IEnumerable<DateTime> commitTimes, TimeSpan sessionGap, TimeSpan sessionStart)
    {
        var sessions = new List<CodingSession>();
        DateTime first = default, last = default;
        var commits = 0;
        foreach (var time in commitTimes.Order())
        {
            if (commits > 0 && time - last >= sessionGap)
            {
                sessions.Add(new CodingSession(first, last, commits, last - first + sessionStart));
                commits = 0;
            }

            if (commits == 0)
            {
                first = time;
            }

            last = time;
            commits++;
        }

        if (commits > 0)
        {
            sessions.Add(new CodingSession(first, last, commits, last - first + sessionStart));
        }

        return sessions;
    }

    /// <summary>The sessions' total in minutes (summed as ticks, so it is exact).</summary>
    public static double TotalMinutes(IEnumerable<CodingSession> sessions) =>
        sessions.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration).TotalMinutes;
}
