using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// The demo's GitHub year (<see cref="DeveloperYearGenerator"/> at WHOOP's recorded offsets, as <c>--demo</c> runs it)
/// reads like one real person's: counted with the app's own rules (the local clock of WHOOP's cycles, the git-hours
/// stretches of decision 0015), no day holds more than 15 commits, 4 repositories or 12 coding hours; two or three
/// repositories a week; days off, quiet weekends, evenings now and then. Several seeds and times of day.
/// </summary>
public sealed class DeveloperYearGeneratorTests
{
    public static TheoryData<int, int> Runs => new() { { 11, 3 }, { 11, 15 }, { 4, 22 }, { 29, 9 } };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_NoDayOverFifteenCommitsFourRepositoriesOrTwelveCodingHours(int seed, int utcHour)
    {
        var year = Generate(seed, utcHour);

        var byDay = year.Commits.GroupBy(c => year.Clock.LocalDate(c.Time)).ToList();
        Assert.All(byDay, d => Assert.InRange(d.Count(), 1, DeveloperYearGenerator.MaxCommitsPerDay));
        Assert.All(byDay, d => Assert.InRange(d.Select(c => c.ProjectId).Distinct().Count(), 1, DeveloperYearGenerator.MaxRepositoriesPerDay));
        var hours = CodingSessions.Stretches(year.Commits, TimeSpan.FromMinutes(120), TimeSpan.FromMinutes(120))
            .SelectMany(s => year.Clock.ByLocalDay(s.From, s.Until))
            .GroupBy(d => d.Day, d => d.Time)
            .ToDictionary(d => d.Key, d => d.Aggregate(TimeSpan.Zero, (total, t) => total + t).TotalHours);
        Assert.All(hours, d => Assert.InRange(d.Value, 0, DeveloperYearGenerator.MaxCodingHoursPerDay));
        Assert.InRange(hours.Values.Sum() / 52, 12, 40); // a part of a working week spent committing, on average
        Assert.All(year.Commits, c => Assert.True(c.Time <= year.Now, $"commit at {c.Time:O} is after now"));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_TwoOrThreeRepositoriesAWeekDaysOffAndOccasionalEvenings(int seed, int utcHour)
    {
        var year = Generate(seed, utcHour);

        var local = year.Commits.Select(c => (Day: year.Clock.LocalDate(c.Time), Time: year.Clock.ToLocal(c.Time), c.ProjectId)).ToList();
        var weeks = local.GroupBy(c => c.Day.AddDays(-(((int)c.Day.DayOfWeek + 6) % 7))).Select(w => w.Select(c => c.ProjectId).Distinct().Count()).ToList();
        Assert.All(weeks, w => Assert.InRange(w, 1, 4));
        Assert.True(weeks.Count(w => w is 2 or 3) >= weeks.Count * 0.6, $"weeks by repositories: {string.Join(",", weeks)}");
        Assert.Equal(DeveloperYearGenerator.Repositories, local.Select(c => c.ProjectId).Distinct().Count());

        var activeDays = local.Select(c => c.Day).Distinct().ToList();
        Assert.InRange(activeDays.Count, 150, 260); // weekends, holidays, trips and days of meetings off
        var weekend = local.Count(c => c.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.InRange(weekend, 1, local.Count / 10);

        // Local hours: the working day, evenings on some days, past midnight on a few; never between 02:00 and 08:00.
        Assert.DoesNotContain(local, c => c.Time.Hour is >= 2 and < 8);
        var evenings = local.Where(c => c.Time.Hour >= 20).Select(c => c.Day).Distinct().Count();
        var lateNights = local.Where(c => c.Time.Hour < 2).Select(c => c.Day).Distinct().Count();
        Assert.InRange(evenings, 10, activeDays.Count / 5);
        Assert.InRange(lateNights, 2, activeDays.Count / 20);
    }

    [Fact]
    public void Repositories_NamedWithoutRepeatedWordsAndDescribedInTheirLanguage()
    {
        var year = Generate(11, 3);

        AssertBelievableRepositories(year.Github.Repositories.Select(r => (r.Name, r.PrimaryLanguage, r.Description)).ToList());
        Assert.InRange(year.Github.Repositories.Select(r => r.PrimaryLanguage).Distinct().Count(), 5, 8);
    }

    [Fact]
    public void Populate_SameSeedAndTime_SameHistory()
    {
        var first = Generate(11, 3);
        var second = Generate(11, 3);

        Assert.Equal(first.Github.Repositories.Select(r => r.Name), second.Github.Repositories.Select(r => r.Name));
        Assert.Equal(first.Github.Repositories.SelectMany(r => r.Commits.Select(c => c.Sha)), second.Github.Repositories.SelectMany(r => r.Commits.Select(c => c.Sha)));
    }

    private static readonly string[] LanguageNames = ["Rust", "Go", "Python", "TypeScript", "JavaScript", "C#", "Kotlin", "Shell", "Java", "Swift", "Ruby", "PHP"];

    /// <summary>
    /// The issue's rules for made-up repositories: a two-word name, no word used twice across all names, and a
    /// description naming its own language and no other.
    /// </summary>
    internal static void AssertBelievableRepositories(IReadOnlyList<(string Name, string? Language, string? Description)> repositories)
    {
        Assert.InRange(repositories.Count, 8, 16);
        var words = repositories.SelectMany(r => r.Name.Split('-')).ToList();
        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(repositories, r => Assert.Matches("^[a-z]+-[a-z]+$", r.Name));
        foreach (var (name, language, description) in repositories)
        {
            Assert.NotNull(language);
            Assert.NotNull(description);
            var named = LanguageNames.Where(l => Regex.IsMatch(description, $@"(?<![\w#]){Regex.Escape(l)}(?![\w#])")).ToList();
            Assert.True(named.SequenceEqual([language]), $"{name} ({language}): \"{description}\" names {string.Join(", ", named)}");
        }
    }

    private sealed record Year(GitHubSimulatorState Github, List<TimelineCommit> Commits, LocalClock Clock, DateTime Now);

    private static Year Generate(int seed, int utcHour)
    {
        var now = new DateTimeOffset(2026, 3, 15, utcHour, 20, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var whoop = new WhoopSimulatorState(time);
        WhoopDataGenerator.Populate(whoop, 365);
        var github = new GitHubSimulatorState(time);
        DeveloperYearGenerator.Populate(github, WhoopLocalOffsets.Of(whoop), 365, seed);

        var clock = new LocalClock(whoop.Cycles.Values.Select(c => (c.Start.UtcDateTime, WhoopDays.ParseOffset(c.TimezoneOffset)!.Value)).ToList(), null);
        var commits = github.Repositories
            .SelectMany(r => r.Commits.Where(c => c.AuthorLogin == github.Login).Select(c => new TimelineCommit((int)r.Id, c.AuthoredAt)))
            .ToList();
        return new Year(github, commits, clock, now.UtcDateTime);
    }
}
