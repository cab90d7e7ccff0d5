using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>/insights opens with only what holds (interval clear of 0 and q below 0.1), or says plainly that nothing does.</summary>
public sealed class InsightsStoryTests
{
    private static PairFinding Pair(string sentence, double r, double low, double high, double q, string body = "sleep_hours", string coding = "commits") =>
        new(body, coding, 0, 60, r, low, high, q / 24, "a link", sentence, q);

    private static TagEffect Habit(string sentence, double low, double high, double q) =>
        new("alcohol", "journal", "recovery", 1, 20, 40, 50, 60, -10, low, high, q / 10, q, sentence);

    [Fact]
    public void Of_MixedFindings_KeepsOnlyThoseClearOfZeroWithQBelowTheLimit_StrongestEvidenceFirst()
    {
        PairFinding[] pairs =
        [
            Pair("weak pair: r = 0.16", 0.16, -0.05, 0.35, 0.6),        // interval includes 0
            Pair("clear but chance: r = 0.30", 0.30, 0.05, 0.52, 0.15), // q too high
            Pair("holds: r = 0.55", 0.55, 0.35, 0.70, 0.01),
        ];
        TagEffect[] habits = [Habit("alcohol lowers recovery", -15, -5, 0.002), Habit("reading: nothing", -3, 4, 0.9)];

        var story = InsightsStory.Of(pairs, habits, 90);

        Assert.Equal(["alcohol lowers recovery", "holds: r = 0.55"], story.Holding);
        Assert.Null(story.Nothing);
        Assert.Equal(0, story.More);
    }

    [Fact]
    public void Of_MoreThanShown_CountsTheRest()
    {
        var pairs = Enumerable.Range(1, InsightsStory.MaxShown + 2).Select(i => Pair($"pair {i}", 0.5, 0.2, 0.7, i / 100.0)).ToList();

        var story = InsightsStory.Of(pairs, [], 90);

        Assert.Equal(InsightsStory.MaxShown, story.Holding.Count);
        Assert.Equal(2, story.More);
        Assert.Equal("pair 1", story.Holding[0]);
    }

    [Fact]
    public void Of_NothingHolds_SaysSoWithTheStrongestAndTheDaysItWouldTake()
    {
        PairFinding[] pairs =
        [
            Pair("Sleep and commits on the same day: r = 0.16 (95% CI …)", 0.16, -0.05, 0.35, 0.6),
            Pair("HRV and coding hours on the same day: r = -0.05 (…)", -0.05, -0.25, 0.15, 0.9),
        ];

        var story = InsightsStory.Of(pairs, [Habit("reading: nothing", -3, 4, 0.9)], 90);

        Assert.Empty(story.Holding);
        Assert.StartsWith("Nothing holds over these 90 days:", story.Nothing);
        // Two tests: q below 0.1 needs p below 0.05 at the first rank, the usual 1.96 (by hand: (1.96 / atanh 0.16)² + 3 = 150.4).
        Assert.EndsWith("The strongest seen, sleep and commits on the same day (r = 0.16), would take about 151 days to tell from chance, if it is real.", story.Nothing);
    }

    [Fact]
    public void Of_NothingHolds_KeepsAnAcronymAsItIs()
    {
        var story = InsightsStory.Of([Pair("HRV and late-night commits on the same day: r = 0.26", 0.26, -0.1, 0.55, 0.5, "hrv", "late_night_commits")], [], 30);

        Assert.Contains("The strongest seen, HRV and late-night commits on the same day (r = 0.26)", story.Nothing);
    }

    [Fact]
    public void Of_AVeryWeakStrongest_SaysTenYearsWouldNotTell()
    {
        var story = InsightsStory.Of([Pair("Strain and commits on the same day: r = 0.02", 0.02, -0.2, 0.2, 0.9)], [], 30);

        Assert.Contains("(r = 0.02), is too weak to tell from chance in under ten years of days.", story.Nothing);
    }

    [Fact]
    public void Of_NoPairMeasured_SaysTooFewDays()
    {
        var tooFew = new PairFinding("sleep_hours", "commits", 0, 5, null, null, null, null, CorrelationFinding.NotEnoughDays, "too few", null);

        var story = InsightsStory.Of([tooFew], [], 7);

        Assert.StartsWith("Too few days to tell anything yet", story.Nothing);
    }

    [Theory]
    [InlineData(0.16, 24, 319)] // 24 pairs tested: p below 0.1 / 24 at the first rank, z = 2.865
    [InlineData(0.5, 2, 16)]    // z = 1.96: (1.96 / atanh 0.5)² + 3 = 15.7
    public void DaysToTell_MatchesFishersZAtTheCorrectedLevel(double r, int tests, int expected) =>
        Assert.Equal(expected, InsightsStory.DaysToTell(r, tests));
}
