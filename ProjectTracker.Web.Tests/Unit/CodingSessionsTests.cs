using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>Sessions over the merged timeline, and the stretch each commit owns (decision 0015).</summary>
public sealed class CodingSessionsTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromMinutes(120);
    private const int Alpha = 1, Beta = 2;

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static TimelineCommit Commit(int project, DateTime time) => new(project, time);

    private static double Minutes(IEnumerable<CommitStretch> stretches) =>
        stretches.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration).TotalMinutes;

    [Fact]
    public void Stretches_TwoProjectsTheSameEvening_OneSessionSharedByTheirCommits()
    {
        TimelineCommit[] commits =
        [
            Commit(Alpha, At(13, 19)), Commit(Beta, At(13, 19, 30)), Commit(Alpha, At(13, 20)),
            Commit(Beta, At(13, 20, 30)), Commit(Alpha, At(13, 21)), Commit(Beta, At(13, 22)),
        ];

        var stretches = CodingSessions.Stretches(commits, TwoHours, TwoHours).ToList();

        Assert.Equal([120, 30, 30, 30, 30, 60], stretches.Select(s => s.Duration.TotalMinutes));
        Assert.Equal([true, false, false, false, false, false], stretches.Select(s => s.OpensSession));
        Assert.Equal(120 + 180, Minutes(stretches)); // the git-hours figure of the merged timeline
        Assert.Equal(new Dictionary<int, double> { [Alpha] = 180, [Beta] = 120 }, new CodingTimeline(stretches).MinutesByProject());
    }

    [Fact]
    public void Stretches_OneProject_AddUpToTheGitHoursSessions()
    {
        DateTime[] times = [At(10, 9), At(10, 9, 30), At(10, 11, 29), At(10, 13, 29), At(11, 23, 50), At(12, 0, 40), At(12, 2, 39)];

        var stretches = CodingSessions.Stretches(times.Select(t => Commit(Alpha, t)), TwoHours, TwoHours).ToList();
        var sessions = CodingSessions.Split(times, TwoHours, TwoHours);

        Assert.Equal(CodingSessions.TotalMinutes(sessions), Minutes(stretches));
        Assert.Equal(sessions.Count, stretches.Count(s => s.OpensSession));
        Assert.Equal([149 + 120, 120, 169 + 120], sessions.Select(s => s.Duration.TotalMinutes));
    }

    [Fact]
    public void Stretches_SessionStartLongerThanTheGap_LeadInStopsAtThePreviousCommit()
    {
        // A 60-minute gap splits 09:00 and 10:30 into two sessions; git-hours would count 09:00 to 09:00 twice.
        var stretches = CodingSessions.Stretches([Commit(Alpha, At(10, 9)), Commit(Beta, At(10, 10, 30))], TimeSpan.FromMinutes(60), TwoHours).ToList();

        Assert.Equal([At(10, 7), At(10, 9)], stretches.Select(s => s.From));
        Assert.Equal([true, true], stretches.Select(s => s.OpensSession));
        Assert.Equal(120 + 90, Minutes(stretches));
    }

    [Fact]
    public void Stretches_CommitsAtTheSameMoment_TheLowerProjectOwnsTheTimeBeforeThem()
    {
        var stretches = CodingSessions.Stretches([Commit(Beta, At(10, 9)), Commit(Alpha, At(10, 9))], TwoHours, TwoHours).ToList();

        Assert.Equal([(Alpha, 120.0), (Beta, 0.0)], stretches.Select(s => (s.ProjectId, s.Duration.TotalMinutes)));
    }

    [Fact]
    public void Split_ThirtyHourChain_IsOneSessionOfItsSpanPlusTheStart()
    {
        var times = Enumerable.Range(0, 31).Select(h => At(10, 18).AddHours(h)).ToList();

        var session = Assert.Single(CodingSessions.Split(times, TwoHours, TwoHours));

        Assert.Equal(TimeSpan.FromHours(32), session.Duration);
        Assert.Equal(31, session.Commits);
    }
}
