using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Insights;

/// <summary>The acute : chronic rule of <see cref="CodingLoad"/> at its edges: 27 against 28 days, a chronic 0, missing WHOOP days.</summary>
public sealed class CodingLoadTests
{
    private static readonly DateOnly First = new(2026, 1, 1);

    /// <summary>Days from <see cref="First"/> on, each with what <paramref name="day"/> says of its index.</summary>
    private static List<InsightDay> Days(int count, Func<int, InsightDay> day) => Enumerable.Range(0, count).Select(day).ToList();

    private static InsightDay Day(int i, double hours, double? strain = 10, double? recovery = 60) =>
        new(First.AddDays(i), hours > 0 ? 1 : 0, recovery, null, hours, Strain: strain);

    private static IReadOnlyList<LoadDay> Of(List<InsightDay> days, int firstShown, LoadHistory? history = null, bool hasGitHub = true) =>
        CodingLoad.Of(new DateRange(days[firstShown].Date, days[^1].Date), days, history ?? new LoadHistory(First, First, First), hasGitHub);

    [Fact]
    public void Ratios_NullOnThe27thDayOfHistory_ComputedOnThe28th()
    {
        var days = Days(28, i => Day(i, 2));

        var load = Of(days, 0);

        Assert.Equal(28, load.Count);
        Assert.Null(load[5].Coding7d); // six days: no acute average yet
        Assert.Equal(2, load[6].Coding7d);
        Assert.Null(load[26].Coding28d);
        Assert.Null(load[26].CodingRatio);
        Assert.Null(load[26].StrainRatio);
        Assert.Null(load[26].Recovery28d);
        Assert.Equal(1, load[27].CodingRatio);
        Assert.Equal(1, load[27].StrainRatio);
        Assert.Equal(60, load[27].Recovery28d);
    }

    [Fact]
    public void FirstDayOfTheRange_AveragesOverTheDaysBeforeIt()
    {
        // 27 quiet days of history, then the range's one day of 9 hours.
        var days = Days(28, i => Day(i, i == 27 ? 9 : 1));

        var only = Assert.Single(Of(days, 27));

        Assert.Equal(new DateOnly(2026, 1, 28), only.Date);
        Assert.Equal((6 + 9) / 7.0, only.Coding7d!.Value, 12);
        Assert.Equal((27 + 9) / 28.0, only.Coding28d!.Value, 12);
        Assert.Equal(15 / 7.0 / (36 / 28.0), only.CodingRatio!.Value, 12);
    }

    [Fact]
    public void DaysWithoutCommits_CountAsZero_AndAZeroChronicGivesNoRatio()
    {
        var idle = Of(Days(28, i => Day(i, 0)), 27).Single();
        var sparse = Of(Days(28, i => Day(i, i == 0 ? 28 : 0)), 27).Single();

        Assert.Equal(0, idle.Coding28d);
        Assert.Null(idle.CodingRatio); // no usual to compare with
        Assert.Equal(1, sparse.Coding28d); // 28 hours on one day over 28 days
        Assert.Equal(0, sparse.Coding7d);
        Assert.Equal(0, sparse.CodingRatio);
    }

    [Fact]
    public void DaysWithoutWhoop_AreLeftOutOfTheStrainAndRecoveryAverages()
    {
        // WHOOP missing on every other day until the last three.
        var days = Days(28, i => i >= 25 ? Day(i, 1, strain: 15, recovery: 30) : Day(i, 1, strain: i % 2 == 0 ? 5 : null, recovery: i % 2 == 0 ? 80 : null));

        var last = Of(days, 27).Single();

        Assert.Equal((2 * 5 + 3 * 15) / 5.0, last.Strain7d!.Value, 12); // days 22 and 24, and the last three
        Assert.Equal((13 * 5 + 3 * 15) / 16.0, last.Strain28d!.Value, 12);
        Assert.Equal((2 * 80 + 3 * 30) / 5.0, last.Recovery7d!.Value, 12);
        Assert.Equal((13 * 80 + 3 * 30) / 16.0, last.Recovery28d!.Value, 12);
        Assert.Equal(1, last.CodingRatio); // coding is unaffected: every day is known
    }

    [Fact]
    public void AWeekWithoutAnyWhoopDay_HasNoAcuteAverage()
    {
        var days = Days(28, i => i >= 21 ? Day(i, 1, strain: null, recovery: null) : Day(i, 1));

        var last = Of(days, 27).Single();

        Assert.Null(last.Strain7d);
        Assert.Null(last.StrainRatio);
        Assert.Null(last.Recovery7d);
        Assert.False(last.Flag);
    }

    [Theory]
    [InlineData(4.0, 1.0, 40, true)] // 4 / ((4·7 + 21)/28) = 2.29× its usual, recovery down
    [InlineData(4.0, 1.0, 60, false)] // recovery level: not trending down
    [InlineData(9.0, 5.0, 40, false)] // 9 / ((9·7 + 5·21)/28) = 9 / 6: exactly 1.5× is not above it
    [InlineData(9.1, 5.0, 40, true)]
    public void Flag_CodingAbove1Point5WhileRecoveryTrendsDown(double weekHours, double usualHours, double weekRecovery, bool flagged)
    {
        var days = Days(28, i => i >= 21 ? Day(i, weekHours, recovery: weekRecovery) : Day(i, usualHours, recovery: 60));

        var last = Of(days, 27).Single();

        Assert.Equal(flagged, last.Flag);
        Assert.Equal(flagged, CodingLoad.Warning(last) is not null);
    }

    [Fact]
    public void Warning_SaysTheRatioInOneLine()
    {
        var days = Days(28, i => i >= 21 ? Day(i, 4, recovery: 40) : Day(i, 1, recovery: 60));

        var warning = CodingLoad.Warning(Of(days, 27).Single());

        // (4·7/7) / ((4·7 + 21)/28) = 4 / 1.75 = 2.29
        Assert.Equal("Coding load is 2.3× your usual while recovery is trending down.", warning);
    }

    [Fact]
    public void HistoryStartsAtTheFirstCommit_AndWithoutGitHubCodingIsUnknown()
    {
        var days = Days(40, i => Day(i, 2));
        var lateStart = new LoadHistory(First.AddDays(10), First, First);

        var load = Of(days, 0, lateStart);
        var noGitHub = Of(days, 0, hasGitHub: false);

        Assert.Null(load[36].CodingRatio); // the 27th day after the first commit
        Assert.Equal(1, load[37].CodingRatio);
        Assert.Equal(1, load[36].StrainRatio); // WHOOP's history began earlier
        Assert.All(noGitHub, d => Assert.Null(d.CodingHours));
        Assert.All(noGitHub, d => Assert.Null(d.CodingRatio));
    }
}
