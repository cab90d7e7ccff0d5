namespace ProjectTracker.Domain.GitHub;

/// <summary>One working session: commits less than the session gap apart, plus the work assumed before the first.</summary>
public sealed record CodingSession(DateTime FirstCommit, DateTime LastCommit, int Commits, TimeSpan Duration);

/// <summary>One commit in the owner's timeline: the project it was made in and when it was authored.</summary>
public readonly record struct TimelineCommit(int ProjectId, DateTime Time);

/// <summary>
/// The stretch of time a commit owns (decision 0015): the lead-in before it when it opens a session, else the time since
/// the previous commit. A session's stretches add up to its git-hours duration.
/// </summary>
public readonly record struct CommitStretch(int ProjectId, DateTime From, DateTime Until, bool OpensSession)
{
    public TimeSpan Duration => Until - From;
}

/// <summary>
/// The git-hours rule, the one estimator behind <c>time_spent</c>, the timesheet and the activity calendar: commits less
/// than <c>sessionGap</c> apart form one session; each session counts from its first to its last commit plus
/// <c>sessionStart</c> for the work before the first. Sessions are found over all the owner's commits together, so an
/// hour is counted once however many repositories it was spent in (decision 0015).
/// </summary>
public static class CodingSessions
{
    public static IReadOnlyList<CodingSession> Split(IEnumerable<DateTime> commitTimes, TimeSpan sessionGap, TimeSpan sessionStart)
    {
        var sessions = new List<CodingSession>();
        var current = new List<CommitStretch>();
        foreach (var stretch in Stretches(commitTimes.Select(t => new TimelineCommit(0, t)), sessionGap, sessionStart))
        {
            if (stretch.OpensSession && current.Count > 0)
            {
                sessions.Add(Session(current));
                current.Clear();
            }

            current.Add(stretch);
        }

        if (current.Count > 0)
        {
            sessions.Add(Session(current));
        }

        return sessions;
    }

    /// <summary>
    /// Walks the merged, time-sorted timeline (ties in project order) and gives each commit the stretch it owns: for a
    /// commit opening a session the lead-in <c>[t − sessionStart, t]</c>, cut at the previous commit so no moment is
    /// counted twice when <c>sessionStart</c> exceeds <c>sessionGap</c>; otherwise <c>[previous commit, t]</c>.
    /// </summary>
    public static IEnumerable<CommitStretch> Stretches(IEnumerable<TimelineCommit> commits, TimeSpan sessionGap, TimeSpan sessionStart)
    {
        DateTime? previous = null;
        foreach (var commit in commits.OrderBy(c => c.Time).ThenBy(c => c.ProjectId))
        {
            var opens = previous is not { } last || commit.Time - last >= sessionGap;
            var from = !opens ? previous!.Value
                : previous is { } before && before > commit.Time - sessionStart ? before
                : commit.Time - sessionStart;
            yield return new CommitStretch(commit.ProjectId, from, commit.Time, opens);
            previous = commit.Time;
        }
    }

    /// <summary>The stretches with <c>GitHub:SessionGapMinutes</c> and <c>GitHub:SessionStartMinutes</c>.</summary>
    public static IEnumerable<CommitStretch> Stretches(IEnumerable<TimelineCommit> commits, GitHubOptions options) =>
        Stretches(commits, TimeSpan.FromMinutes(options.SessionGapMinutes), TimeSpan.FromMinutes(options.SessionStartMinutes));

    /// <summary>The sessions' total in minutes (summed as ticks, so it is exact).</summary>
    public static double TotalMinutes(IEnumerable<CodingSession> sessions) =>
        sessions.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration).TotalMinutes;

    private static CodingSession Session(List<CommitStretch> stretches) =>
        new(stretches[0].Until, stretches[^1].Until, stretches.Count, stretches[^1].Until - stretches[0].From);
}
