using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// Coding time split across the local clock hours a session covers (session start 60 minutes, gap 120). 2026-03-11 is a
/// Wednesday (weekday 2), the 13th a Friday (4), the 15th a Sunday (6).
/// </summary>
public sealed class PunchcardTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(120), Start = TimeSpan.FromMinutes(60);
    private static readonly LocalClock Utc = new([], null);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static Punchcard Build(DateRange range, LocalClock clock, params DateTime[] commits) =>
        Punchcard.Build(range, clock, CodingSessions.Stretches(commits.Select(t => new TimelineCommit(1, t)), Gap, Start));

    /// <summary>The cells with time or commits, as "weekday hour minutes commits".</summary>
    private static string[] Filled(Punchcard card) => card.Cells
        .Where(c => c.Time > TimeSpan.Zero || c.Commits > 0)
        .Select(c => $"{c.Weekday} {c.Hour} {c.Time.TotalMinutes} {c.Commits}")
        .ToArray();

    [Fact]
    public void Build_SessionFrom2130To2310_HalfAnHourAnHourAndTenMinutes()
    {
        var card = Build(new DateRange(new(2026, 3, 11), new(2026, 3, 11)), Utc, At(11, 22, 30), At(11, 23, 10));

        Assert.Equal(168, card.Cells.Count);
        Assert.Equal(Enumerable.Range(0, 168), card.Cells.Select(c => (c.Weekday * 24) + c.Hour)); // Monday 00:00 first
        Assert.Equal(["2 21 30 0", "2 22 60 1", "2 23 10 1"], Filled(card));
        Assert.Equal(100, card.TotalTime.TotalMinutes);
        Assert.Empty(card.RecordedOffsets); // no WHOOP offsets: the owner's zone (UTC) placed them
    }

    [Fact]
    public void Build_SessionOverMidnightFromSundayIntoMonday_SplitsAcrossWeekdaysAndOnlyTheRangeCounts()
    {
        DateTime[] commits = [At(15, 23, 20), At(16, 0, 40)]; // 22:20 to 00:40

        var both = Build(new DateRange(new(2026, 3, 15), new(2026, 3, 16)), Utc, commits);
        var monday = Build(new DateRange(new(2026, 3, 16), new(2026, 3, 16)), Utc, commits);

        Assert.Equal(["0 0 40 1", "6 22 40 0", "6 23 60 1"], Filled(both));
        Assert.Equal(["0 0 40 1"], Filled(monday));
    }

    [Fact]
    public void Build_PlusNineWeek_LocalHoursAndTheFridayNightIntoSaturday()
    {
        // WHOOP recorded +09:00 from the Monday before: 14:30 and 15:20 UTC are 23:30 on Friday and 00:20 on Saturday.
        var tokyo = new LocalClock([(At(8, 15), TimeSpan.FromHours(9))], null);
        var week = new DateRange(new(2026, 3, 9), new(2026, 3, 15));

        var card = Build(week, tokyo, At(9, 0, 30), At(13, 14, 30), At(13, 15, 20));

        // Monday 09:30 local (its lead-in from 08:30); Friday 22:30 to Saturday 00:20.
        Assert.Equal(["0 8 30 0", "0 9 30 1", "4 22 30 0", "4 23 60 1", "5 0 20 1"], Filled(card));
        Assert.Equal([TimeSpan.FromHours(9)], card.RecordedOffsets);
    }

    [Fact]
    public void Build_OffsetChangingInsideASession_HoursAddUpToTheDaysOfTheTimesheet()
    {
        // The offset moves from +01:00 to +09:00 during an evening session: each day's hours still equal ByLocalDay's.
        var travel = new LocalClock([(At(1, 0), TimeSpan.FromHours(1)), (At(12, 14, 45), TimeSpan.FromHours(9))], null);
        var range = new DateRange(new(2026, 3, 11), new(2026, 3, 13));
        DateTime[] commits = [At(12, 13, 50), At(12, 14, 40), At(12, 15, 30), At(12, 16, 10)];

        var card = Build(range, travel, commits);

        var stretches = CodingSessions.Stretches(commits.Select(t => new TimelineCommit(1, t)), Gap, Start).ToList();
        var days = stretches.SelectMany(s => travel.ByLocalDay(s.From, s.Until))
            .Where(d => d.Day >= range.Start && d.Day <= range.End)
            .Aggregate(TimeSpan.Zero, (total, d) => total + d.Time);
        Assert.Equal(days, card.TotalTime);
        Assert.Equal(stretches[^1].Until - stretches[0].From, card.TotalTime);
        Assert.Equal(4, card.TotalCommits);
    }

    [Fact]
    public void WholeShares_RoundEachCellAndAddUpToTheRoundedTotal()
    {
        double[] hundredths = [16.6667, 16.6667, 16.6667, 50];

        var shares = Domain.Rounding.WholeShares(hundredths, 100);

        Assert.Equal(100, shares.Sum());
        Assert.Equal([17, 17, 16, 50], shares);
    }
}
