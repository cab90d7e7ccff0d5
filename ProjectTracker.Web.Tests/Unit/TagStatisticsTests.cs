using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>Welch's test and Benjamini–Hochberg against figures computed elsewhere, and the habit rows built on them.</summary>
public sealed class TagStatisticsTests
{
    [Fact]
    public void Welch_RsSleepData_MatchesTTest()
    {
        // R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939,
        // 95 percent confidence interval: -3.3654832 0.2054832; means 0.75 and 2.33.
        double[] group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        var d = GroupDifference.Welch(group1, group2)!;

        Assert.Equal(0.75, d.MeanWith, precision: 10);
        Assert.Equal(2.33, d.MeanWithout, precision: 10);
        Assert.Equal(-1.58, d.Difference, precision: 10);
        Assert.Equal(-3.3654832, d.CiLow, precision: 6);
        Assert.Equal(0.2054832, d.CiHigh, precision: 6);
        Assert.Equal(0.07939, d.P, precision: 5);
    }

    [Fact]
    public void Welch_NoSpreadOrTooFewValues_IsNull()
    {
        Assert.Null(GroupDifference.Welch([3, 3, 3], [3, 3]));
        Assert.Null(GroupDifference.Welch([1], [1, 2, 3]));
    }

    [Fact]
    public void BenjaminiHochberg_MatchesPAdjust()
    {
        // R: p.adjust(c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205), "BH")
        //    → 0.008 0.032 0.0672 0.0672 0.0672 0.08 0.0845714 0.205 (here shuffled, with an untested row between).
        double?[] p = [0.06, 0.001, null, 0.205, 0.041, 0.008, 0.039, 0.074, 0.042];

        var q = FalseDiscovery.Adjust(p);

        double?[] expected = [0.08, 0.008, null, 0.205, 0.0672, 0.032, 0.0672, 0.0845714, 0.0672];
        Assert.Equal(expected.Length, q.Length);
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(expected[i] is null, q[i] is null);
            Assert.Equal(expected[i] ?? 0, q[i] ?? 0, precision: 6);
        }
    }

    [Fact]
    public void TagEffects_JournalAnswer_ComparesYesWithNo_NextDay_InItsUnits()
    {
        var range = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var yesDays = new HashSet<DateOnly>();
        var tags = new List<DayTag>();
        var days = new List<InsightDay>();
        for (var day = range.Start; day <= range.End.AddDays(1); day = day.AddDays(1))
        {
            var i = day.DayNumber - range.Start.DayNumber;
            var drank = i % 3 == 0;
            if (drank)
            {
                yesDays.Add(day);
            }

            if (day <= range.End && i % 7 != 6) // some days have no answer at all: they are in neither group
            {
                tags.Add(new DayTag { Date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Name = "Have any alcoholic drinks?", Source = DayTag.JournalSource, Answer = drank });
            }

            var after = yesDays.Contains(day.AddDays(-1));
            days.Add(new InsightDay(day, 0, Recovery: (after ? 50 : 66) + i % 5, SleepHours: 7 + (i % 4) * 0.1));
        }

        var effects = TagEffects.Of(range, days, tags, hasGitHubData: false);

        var recovery = effects.Single(e => e.Measure == "recovery" && e.Lag == 1);
        var answered = tags.ToDictionary(t => DateOnly.FromDateTime(t.Date), t => t.Answer);
        var next = days.ToDictionary(d => d.Date, d => d.Recovery!.Value);
        var withMean = answered.Where(a => a.Value).Average(a => next[a.Key.AddDays(1)]);
        var withoutMean = answered.Where(a => !a.Value).Average(a => next[a.Key.AddDays(1)]);
        Assert.Equal(answered.Count(a => a.Value), recovery.NWith);
        Assert.Equal(answered.Count(a => !a.Value), recovery.NWithout);
        Assert.Equal(withMean - withoutMean, recovery.Difference!.Value, precision: 10);
        Assert.True(recovery.CiLow < recovery.Difference && recovery.Difference < recovery.CiHigh);
        Assert.True(recovery.Q < 0.001);
        Assert.StartsWith("After days you answered yes to 'Have any alcoholic drinks?', recovery was 16.", recovery.Sentence);
        Assert.Contains("points lower the next day (95% CI −", recovery.Sentence);
        Assert.EndsWith("q < 0.001).", recovery.Sentence);

        // Coding without GitHub data is unknown, not 0: too few days, said in words.
        var commits = effects.Single(e => e.Measure == "commits" && e.Lag == 0);
        Assert.Equal(0, commits.NWith);
        Assert.Null(commits.Difference);
        Assert.Null(commits.Q);
        Assert.Contains("it takes at least 8 in each", commits.Sentence);

        // Sleep differences under an hour are said in minutes.
        Assert.Contains(" minutes ", effects.Single(e => e.Measure == "sleep_hours" && e.Lag == 0).Sentence);
    }

    [Fact]
    public void TagEffects_OwnTag_ComparesDaysWithAndWithout()
    {
        var range = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 30));
        var days = Enumerable.Range(0, 31).Select(i => new InsightDay(range.Start.AddDays(i), Commits: i % 2 == 0 ? 10 + i % 3 : 2 + i % 3, null, null)).ToList();
        var tags = days.Where(d => d.Commits >= 10 && d.Date <= range.End)
            .Select(d => new DayTag { Date = d.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Name = "deploy day", Source = DayTag.OwnSource, Answer = true })
            .ToList();

        var row = TagEffects.Of(range, days, tags, hasGitHubData: true).Single(e => e.Measure == "commits" && e.Lag == 0);

        Assert.Equal(15, row.NWith);
        Assert.Equal(15, row.NWithout);
        Assert.Equal(8.0, row.Difference!.Value, precision: 1);
        Assert.StartsWith("On days tagged 'deploy day', commits were", row.Sentence);
    }
}
