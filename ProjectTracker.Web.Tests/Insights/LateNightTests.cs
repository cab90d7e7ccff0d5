using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Insights;

/// <summary>Which night a commit belongs to, the automatic "late-night coding" tag, and the scatter's fitted line.</summary>
public sealed class LateNightTests
{
    private static readonly DateRange March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    [Theory]
    [InlineData("2026-03-10T21:59", "2026-03-10", false)]
    [InlineData("2026-03-10T22:00", "2026-03-10", true)]
    [InlineData("2026-03-10T23:59", "2026-03-10", true)]
    [InlineData("2026-03-11T00:00", "2026-03-10", true)] // after midnight: still the evening before's night
    [InlineData("2026-03-11T01:00", "2026-03-10", true)]
    [InlineData("2026-03-11T03:59", "2026-03-10", true)]
    [InlineData("2026-03-11T04:00", "2026-03-11", false)] // the night is over: a new day
    public void ACommit_BelongsToTheNightThatBeganTheEveningBefore(string local, string night, bool late)
    {
        var at = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(night, System.Globalization.CultureInfo.InvariantCulture), LateNightSleep.NightOf(at));
        Assert.Equal(late ? LateNightSleep.NightOf(at) : null, CodingDaysReader.LateNightEvening(at));
    }

    [Fact]
    public void AtPlusNine_A1630UtcCommitIsHalfPastOneOnTheNightBefore()
    {
        // In Tokyo (+09:00) 16:30 UTC on 10 March is 01:30 on the 11th: the night of the 10th, 25.5 hours after its midnight.
        var clock = new LocalClock([(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(9))], null);
        var commits = new[] { new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 16, 30, 0, DateTimeKind.Utc) }
            .Select(clock.ToLocal);

        var last = LateNightSleep.LastCommits(commits, March);

        var night = Assert.Single(last);
        Assert.Equal(new DateOnly(2026, 3, 10), night.Key);
        Assert.Equal(25.5, night.Value, 9);
        Assert.Equal(new DateOnly(2026, 3, 10), CodingDaysReader.LateNightEvening(clock.ToLocal(new DateTime(2026, 3, 10, 16, 30, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void LineFit_IsTheLeastSquaresLine_AndNoneWithoutTwoDistinctNights()
    {
        // Worked by hand: mean x 23.5, mean y 13.75, Sxy 2.3, Sxx 5, Syy 1.09.
        var fit = LineFit.Of([(22, 13.1), (23, 13.4), (24, 14.1), (25, 14.4)]);
        var one = LineFit.Of([(23, 7)]);
        var sameTime = LineFit.Of([(23, 7), (23, 8)]);

        Assert.Equal(4, fit.N);
        Assert.Equal(0.46, fit.Slope!.Value, 9);
        Assert.Equal(2.94, fit.Intercept!.Value, 9);
        Assert.Equal(0.98521175482, fit.R!.Value, 10);
        Assert.Equal(2.94 + 0.46 * 24, fit.At(24)!.Value, 9);
        Assert.Null(one.Slope);
        Assert.Null(sameTime.Slope);
        Assert.Equal(2, sameTime.N);
    }

    [Fact]
    public void Of_KeepsNightsWithSomeSleepAfterThem_AndFitsEachMeasureOverItsOwnNights()
    {
        NightPoint Night(int day, double hour, double? onset, double? sleep, double? recovery) =>
            new(new DateOnly(2026, 3, day), hour, onset, sleep, recovery);

        var data = LateNightSleep.Of(March,
        [
            Night(3, 23, 23.5, 7.5, 70), Night(1, 21, 21.5, 8, 80), Night(2, 25, 25.5, 6, null), Night(4, 20, null, null, null),
        ]);

        Assert.Equal([1, 2, 3], data.Nights.Select(n => n.Evening.Day));
        Assert.Equal(3, data.SleepOnset.N);
        Assert.Equal(1, data.SleepOnset.Slope!.Value, 9); // asleep half an hour after the last commit on every night
        Assert.Equal(2, data.NextRecovery.N);
        Assert.Equal(-5, data.NextRecovery.Slope!.Value, 9);
    }

    [Fact]
    public void AutomaticTag_OnNightsWithALateCommit_OnlyWithGitHubData_AndComparedWithTheDaysWithout()
    {
        var days = Enumerable.Range(0, 20)
            .Select(i => new InsightDay(new DateOnly(2026, 3, 1).AddDays(i), 3, 60 - (i % 2 == 0 ? 10 : 0) + i % 3, 7, LateNightCommits: i % 2 == 0 ? 2 : 0))
            .ToList();
        var stored = new List<DayTag> { new() { Date = new DateTime(2026, 3, 1), Name = "deploy", Source = DayTag.OwnSource, Answer = true } };

        var tags = AutomaticTags.With(stored, days, hasGitHubData: true);
        var effects = TagEffects.Of(new DateRange(days[0].Date, days[^2].Date), days, tags, hasGitHubData: true);

        Assert.Equal(10, tags.Count(t => t is { Source: DayTag.AutoSource, Name: AutomaticTags.LateNightCoding, Answer: true }));
        Assert.Contains(stored[0], tags);
        Assert.Empty(AutomaticTags.On(days, hasGitHubData: false));
        var sameDay = effects.Single(e => e.Tag == AutomaticTags.LateNightCoding && e.Measure == "recovery" && e.Lag == 0);
        Assert.Equal(DayTag.AutoSource, sameDay.Source);
        Assert.Equal((10, 9), (sameDay.NWith, sameDay.NWithout)); // the range's 19 days: with the tag, and without it
        Assert.True(sameDay.Difference < 0);
        Assert.NotNull(sameDay.Q);
        Assert.DoesNotContain(effects, e => e.Tag == AutomaticTags.LateNightCoding && e.Measure is "commits" or "coding_hours");
        Assert.Contains(effects, e => e.Tag == "deploy" && e.Measure == "commits");
    }
}
