using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class CorrelationTests
{
    private static readonly CorrelationWording Words = new("recovery", "higher recovery", "commits", "you committed more", "you committed less");

    private static List<(double X, double Y)> Pairs(params (double X, double Y)[] pairs) => [.. pairs];

    [Fact]
    public void Pearson_PerfectlyRising_IsOne()
    {
        Assert.Equal(1.0, Correlation.Pearson(Pairs((1, 2), (2, 4), (3, 6), (4, 8)))!.Value, 10);
    }

    [Fact]
    public void Pearson_PerfectlyFalling_IsMinusOne()
    {
        Assert.Equal(-1.0, Correlation.Pearson(Pairs((1, 8), (2, 6), (3, 4), (4, 2)))!.Value, 10);
    }

    [Fact]
    public void Pearson_KnownValues_MatchesHandComputation()
    {
        // x̄ = 3, ȳ = 4; Σdx·dy = 8, Σdx² = 10, Σdy² = 10 → r = 0.8
        var r = Correlation.Pearson(Pairs((1, 3), (2, 2), (3, 5), (4, 4), (5, 6)));

        Assert.Equal(0.8, r!.Value, 10);
    }

    [Fact]
    public void Pearson_ConstantSide_IsUndefined()
    {
        Assert.Null(Correlation.Pearson(Pairs((1, 5), (2, 5), (3, 5))));
    }

    [Fact]
    public void Pearson_FewerThanTwoPairs_IsUndefined()
    {
        Assert.Null(Correlation.Pearson(Pairs((1, 5))));
        Assert.Null(Correlation.Pearson([]));
    }

    [Theory]
    [InlineData(0.05, "no real link")]
    [InlineData(-0.2, "a weak link")]
    [InlineData(0.31, "a moderate link")]
    [InlineData(-0.7, "a strong link")]
    public void StrengthOf_Bands_NameTheStrength(double r, string expected)
    {
        Assert.Equal(expected, CorrelationFinding.StrengthOf(r));
    }

    [Fact]
    public void Describe_TooFewDays_SaysSoWithoutACoefficient()
    {
        var pairs = Enumerable.Range(0, CorrelationFinding.MinimumDays - 1).Select(i => ((double)i, (double)i)).ToList();

        var finding = CorrelationFinding.Describe(pairs, Words);

        Assert.Null(finding.R);
        Assert.Equal(CorrelationFinding.NotEnoughDays, finding.Strength);
        Assert.Contains($"{CorrelationFinding.MinimumDays - 1} days", finding.Sentence);
        Assert.DoesNotContain("r =", finding.Sentence);
    }

    [Fact]
    public void Describe_PositiveLink_StatesDirectionRAndDays()
    {
        // Commits rise with recovery, with noise: a clearly positive but imperfect link.
        var pairs = Enumerable.Range(0, 20).Select(i => (40.0 + i * 2, (double)(i % 3 == 0 ? i / 2 : i))).ToList();

        var finding = CorrelationFinding.Describe(pairs, Words);

        Assert.True(finding.R > 0.5);
        Assert.Equal(20, finding.Days);
        Assert.StartsWith("On days with higher recovery you committed more: r = 0.", finding.Sentence);
        Assert.EndsWith("over 20 days — a strong link.", finding.Sentence);
    }

    [Fact]
    public void Describe_NegativeLink_SaysLess()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => ((double)i, 20.0 - i)).ToList();

        var finding = CorrelationFinding.Describe(pairs, Words);

        Assert.Contains("you committed less: r = -1.00 over 20 days", finding.Sentence);
    }

    [Fact]
    public void Describe_NoCommitsEver_SaysItCannotBeComputed()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => ((double)i, 0.0)).ToList();

        var finding = CorrelationFinding.Describe(pairs, Words);

        Assert.Null(finding.R);
        Assert.Equal(CorrelationFinding.Undefined, finding.Strength);
        Assert.Contains("same every day", finding.Sentence);
    }

    [Fact]
    public void Describe_TinyNegativeR_NeverPrintsMinusZero()
    {
        // A pattern with r = 0 (10, 0, 0, 10 repeating) tilted slightly downwards: r ≈ −0.002.
        var pairs = Enumerable.Range(0, 40).Select(i => ((double)i, (i % 4 is 0 or 3 ? 10.0 : 0.0) - i * 0.001)).ToList();

        var finding = CorrelationFinding.Describe(pairs, Words);

        Assert.Contains("r = 0.00 over 40 days", finding.Sentence);
        Assert.Equal(CorrelationFinding.NoLink, finding.Strength);
    }

    [Fact]
    public void Analyse_WithoutGitHubData_CountsNoDays()
    {
        var range = new ProjectTracker.Domain.Time.DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20));
        var days = Enumerable.Range(0, 20).Select(i => new InsightDay(range.Start.AddDays(i), 0, 50 + i, 7)).ToList();

        var insights = InsightsReadService.Analyse(range, days, hasGitHubData: false);

        Assert.Equal(0, insights.RecoveryAndCommits.Days);
        Assert.Equal(CorrelationFinding.NotEnoughDays, insights.RecoveryAndCommits.Strength);
        Assert.True(insights.HasWhoopData);
    }

    [Fact]
    public void Analyse_WithGitHubData_PairsRecoveryWithThatDaysCommits()
    {
        var range = new ProjectTracker.Domain.Time.DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20));
        var days = Enumerable.Range(0, 20).Select(i => new InsightDay(range.Start.AddDays(i), i, 50 + i, i == 3 ? null : 7)).ToList();

        var insights = InsightsReadService.Analyse(range, days, hasGitHubData: true);

        Assert.Equal(20, insights.RecoveryAndCommits.Days);
        Assert.Equal(1.0, insights.RecoveryAndCommits.R);
        Assert.Equal(19, insights.SleepAndCommits.Days);
        Assert.Equal(CorrelationFinding.Undefined, insights.SleepAndCommits.Strength);
    }
}
