using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class RepositoryStatisticsTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromMinutes(120);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>One history's git-hours figure: a single project's time spent.</summary>
    private static double TimeSpentMinutes(DateTime[] commitTimes, TimeSpan sessionGap, TimeSpan sessionStart) =>
        CodingSessions.TotalMinutes(CodingSessions.Split(commitTimes, sessionGap, sessionStart));

    [Fact]
    public void TimeSpentMinutes_SpecExample_Is270()
    {
        var minutes = TimeSpentMinutes([At(10, 9), At(10, 9, 30), At(11, 11)], TwoHours, TwoHours);

        Assert.Equal(270, minutes);
    }

    [Fact]
    public void TimeSpentMinutes_UnsortedInput_IsSortedFirst()
    {
        var minutes = TimeSpentMinutes([At(11, 11), At(10, 9, 30), At(10, 9)], TwoHours, TwoHours);

        Assert.Equal(270, minutes);
    }

    [Fact]
    public void TimeSpentMinutes_GapOfExactlyTheLimit_StartsANewSession()
    {
        var minutes = TimeSpentMinutes([At(10, 9), At(10, 11)], TwoHours, TwoHours);

        Assert.Equal(240, minutes);
    }

    [Fact]
    public void TimeSpentMinutes_GapJustUnderTheLimit_StaysInTheSession()
    {
        var minutes = TimeSpentMinutes([At(10, 9), At(10, 10, 59)], TwoHours, TwoHours);

        Assert.Equal(119 + 120, minutes);
    }

    [Fact]
    public void TimeSpentMinutes_NoCommits_IsZero() =>
        Assert.Equal(0, TimeSpentMinutes([], TwoHours, TwoHours));

    [Fact]
    public void TimeSpentMinutes_OneCommit_IsTheSessionStart() =>
        Assert.Equal(30, TimeSpentMinutes([At(10, 9)], TwoHours, TimeSpan.FromMinutes(30)));

    [Fact]
    public void ActiveDays_CommitsOnTwoUtcDays_IsTwo() =>
        Assert.Equal(2, RepositoryStatistics.ActiveDays([At(10, 0), At(10, 23, 59), At(11, 0, 1)]));

    [Fact]
    public void LinesOfCode_Weeks_AreAdditionsMinusDeletionsAndChurnIsTheirSum()
    {
        var (loc, churn) = RepositoryStatistics.LinesOfCode([new(0, 1000, -200), new(604800, 50, -300), new(1209600, 0, 0)]);

        Assert.Equal(550, loc);
        Assert.Equal(1550, churn);
    }

    [Fact]
    public void EstimatedLoc_WithLanguages_UsesCodeBytes() =>
        Assert.Equal(100, RepositoryStatistics.EstimatedLoc(new Dictionary<string, long> { ["C#"] = 3000, ["CSS"] = 1000 }, 99999));

    [Fact]
    public void EstimatedLoc_WithoutLanguages_UsesRepositorySize() =>
        Assert.Equal(1024 * 2 / 40, RepositoryStatistics.EstimatedLoc(new Dictionary<string, long>(), 2));

    [Fact]
    public void PrimaryLanguage_MostBytesWins_TiesAlphabetical()
    {
        Assert.Equal("Go", RepositoryStatistics.PrimaryLanguage(new Dictionary<string, long> { ["C#"] = 10, ["Go"] = 20 }));
        Assert.Equal("C#", RepositoryStatistics.PrimaryLanguage(new Dictionary<string, long> { ["Go"] = 20, ["C#"] = 20 }));
        Assert.Null(RepositoryStatistics.PrimaryLanguage(new Dictionary<string, long>()));
    }
}
