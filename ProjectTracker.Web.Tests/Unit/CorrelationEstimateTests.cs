using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>r, its Fisher-z interval and its t-test p-value against values worked out independently (mpmath, 30 digits).</summary>
public sealed class CorrelationEstimateTests
{
    [Fact]
    public void Of_TenPairs_MatchesTheHandComputedIntervalAndP()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] y = [2, 4, 3, 6, 5, 8, 6, 9, 12, 10];

        var estimate = CorrelationEstimate.Of(x.Zip(y).ToList())!;

        Assert.Equal(10, estimate.N);
        Assert.Equal(0.921505729322, estimate.R, 9);
        Assert.Equal(0.695289135641, estimate.CiLow, 9);
        Assert.Equal(0.981602243156, estimate.CiHigh, 9);
        Assert.Equal(0.000150946671003, estimate.P, 12);
    }

    [Theory]
    [InlineData(2.0, 10, 0.0733880348)] // mpmath: betainc(5, 1/2, 0, 10/14)
    [InlineData(1.0, 1, 0.5)]           // Cauchy: P(|T| ≥ 1) = 1/2
    [InlineData(0.0, 18, 1.0)]
    public void TwoSidedP_KnownTValues(double t, int df, double p) =>
        Assert.Equal(p, CorrelationEstimate.TwoSidedP(t, df), 8);

    [Fact]
    public void Of_ThreePairs_IsNullBecauseNoIntervalExists() =>
        Assert.Null(CorrelationEstimate.Of([(1, 2), (2, 3), (3, 5)]));

    [Fact]
    public void Of_PerfectLink_HasPZeroAndAPointInterval()
    {
        var estimate = CorrelationEstimate.Of(Enumerable.Range(0, 20).Select(i => ((double)i, 2.0 * i)).ToList())!;

        Assert.Equal(1, estimate.R);
        Assert.Equal(0, estimate.P);
        Assert.True(estimate.CiLow > 0.9999);
    }

    [Theory]
    [InlineData(23, 30, 10)]  // 23:30 on the 10th: the night of the 10th
    [InlineData(1, 0, 9)]     // 01:00 on the 10th: still the night that began on the 9th
    [InlineData(22, 0, 10)]
    public void LateNightEvening_NightHours_BelongToTheEveningTheNightBegan(int hour, int minute, int evening) =>
        Assert.Equal(new DateOnly(2026, 3, evening), CodingDaysReader.LateNightEvening(new DateTime(2026, 3, 10, hour, minute, 0)));

    [Theory]
    [InlineData(4, 0)]
    [InlineData(21, 59)]
    public void LateNightEvening_DayHours_AreNotLate(int hour, int minute) =>
        Assert.Null(CodingDaysReader.LateNightEvening(new DateTime(2026, 3, 10, hour, minute, 0)));

    [Fact]
    public void Analyse_LateCodingBeforeLowRecovery_ShowsAtLagOneNotLagZero()
    {
        var range = new DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 30));
        // Late commits on day d: d % 3; the next morning's recovery falls 20 points per late commit. Same-day recovery is
        // that of the day before's coding, which follows another pattern.
        int Late(int i) => i % 3;
        var days = Enumerable.Range(0, 30).Select(i => new InsightDay(
            range.Start.AddDays(i), Commits: 5, Recovery: i == 0 ? 50 : 90 - 20 * Late(i - 1), SleepHours: null, LateNightCommits: Late(i))).ToList();

        var insights = InsightsReadService.Analyse(range, days, hasGitHubData: true);

        var lagged = insights.Findings.Single(f => f is { Body: "recovery", Coding: "late_night_commits", Lag: 1 });
        var sameDay = insights.Findings.Single(f => f is { Body: "recovery", Coding: "late_night_commits", Lag: 0 });
        Assert.Equal(29, lagged.N);
        Assert.Equal(-1, lagged.R!.Value, 9);
        Assert.Contains("Late-night commits and the next day's recovery: r = -1.00", lagged.Sentence);
        Assert.True(Math.Abs(sameDay.R!.Value) < 0.6);
        Assert.Equal(24, insights.Findings.Count);
    }

    [Fact]
    public void Analyse_FewDays_SaysPlainlyThereAreTooFew()
    {
        var range = new DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));
        var days = Enumerable.Range(0, 10).Select(i => new InsightDay(range.Start.AddDays(i), i, 50 + i, 7 + i % 2)).ToList();

        var insights = InsightsReadService.Analyse(range, days, hasGitHubData: true);

        Assert.All(insights.Findings, f => Assert.Null(f.R));
        Assert.Contains("too few days to tell (10 with both, at least 14 needed)",
            insights.Findings.Single(f => f is { Body: "recovery", Coding: "commits", Lag: 0 }).Sentence);
    }

    [Fact]
    public void Analyse_WeekdaysAndPreviousPeriod_AverageTheirOwnDays()
    {
        // Monday 2 March to Sunday 15 March: commits = day of month on Mondays, else 1; the two weeks before had 2 a day.
        var range = new DateRange(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 15));
        var days = Enumerable.Range(0, 14).Select(i => range.Start.AddDays(i))
            .Select(d => new InsightDay(d, d.DayOfWeek == DayOfWeek.Monday ? d.Day : 1, d.Day % 2 == 0 ? 60 : null, null)).ToList();
        var previous = Enumerable.Range(0, 14).Select(i => new InsightDay(new DateOnly(2026, 2, 16).AddDays(i), 2, null, null)).ToList();

        var insights = InsightsReadService.Analyse(range, days, hasGitHubData: true, previous, DayOfWeek.Monday);

        var monday = insights.Weekdays[0];
        Assert.Equal(DayOfWeek.Monday, monday.Weekday);
        Assert.Equal(2, monday.Days);
        Assert.Equal(5.5, monday.Averages.Commits); // (2 + 9) / 2
        Assert.Equal(DayOfWeek.Sunday, insights.Weekdays[6].Weekday);
        Assert.Equal(new DateOnly(2026, 2, 16), insights.Comparison.Previous.Start);
        Assert.Equal(new DateOnly(2026, 3, 1), insights.Comparison.Previous.End);
        Assert.Equal(23.0 / 14, insights.Comparison.Current.Commits!.Value, 12); // 2 + 9 + 12 × 1
        Assert.Equal(2, insights.Comparison.PreviousAverages.Commits);
        Assert.Equal(60, insights.Comparison.Current.Recovery);
        Assert.Null(insights.Comparison.PreviousAverages.Recovery);
    }
}
