using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class GitHubMetricsTests
{
    private static List<Project> ThreeProjects() =>
    [
        new()
        {
            Name = "A", PrimaryLanguage = "Python", Loc = 1000, CommitCount = 10, TimeSpentMin = 90, ActiveDays = 3,
            CodeChurn = 1500, RepositorySizeKb = 2048,
        },
        new()
        {
            Name = "B", PrimaryLanguage = "Python", Loc = 500, CommitCount = 30, TimeSpentMin = 30.5, ActiveDays = 5,
            CodeChurn = 100, RepositorySizeKb = 100,
        },
        new() { Name = "C" },
    ];

    [Fact]
    public void Compute_NoProjects_GivesZerosAndNulls()
    {
        var metrics = GitHubMetrics.Compute([], null);

        Assert.Equal(0, metrics.TotalProjects);
        Assert.Equal(0, metrics.TotalTimeSpentHours);
        Assert.Equal(0, metrics.TotalTimeSpentMinutes);
        Assert.Equal(0, metrics.TotalLoc);
        Assert.Equal(0, metrics.TotalCommits);
        Assert.Equal(0, metrics.TotalActiveDays);
        Assert.Equal(0, metrics.TotalCodeChurn);
        Assert.Equal(0, metrics.AverageProjectSizeKb);
        Assert.Null(metrics.ProjectWithMostLoc);
        Assert.Null(metrics.ProjectWithMostTime);
        Assert.Null(metrics.ProjectWithMostCommits);
        Assert.Null(metrics.MostCommonLanguage);
        Assert.Empty(metrics.LanguagesBreakdown);
        Assert.Equal(new ProjectAverages(0, 0, 0, 0), metrics.Averages);
        Assert.Null(metrics.LastRefreshedAt);
    }

    [Fact]
    public void Compute_ThreeProjects_SumsTreatingNullAsZero()
    {
        var metrics = GitHubMetrics.Compute(ThreeProjects(), null);

        Assert.Equal(3, metrics.TotalProjects);
        Assert.Equal(120.5, metrics.TotalTimeSpentMinutes);
        Assert.Equal(2.0, metrics.TotalTimeSpentHours);
        Assert.Equal(1500, metrics.TotalLoc);
        Assert.Equal(40, metrics.TotalCommits);
        Assert.Equal(8, metrics.TotalActiveDays);
        Assert.Equal(1600, metrics.TotalCodeChurn);
        Assert.Equal(716.0, metrics.AverageProjectSizeKb);
    }

    [Fact]
    public void Compute_ThreeProjects_FindsLeaders()
    {
        var metrics = GitHubMetrics.Compute(ThreeProjects(), null);

        Assert.Equal(new ProjectLoc("A", 1000), metrics.ProjectWithMostLoc);
        Assert.Equal(new ProjectTime("A", 90, 1.5), metrics.ProjectWithMostTime);
        Assert.Equal(new ProjectCommits("B", 30), metrics.ProjectWithMostCommits);
    }

    [Fact]
    public void Compute_ThreeProjects_CountsLanguagesPerProjectWithUnknownForNull()
    {
        var metrics = GitHubMetrics.Compute(ThreeProjects(), null);

        Assert.Equal(new CommonLanguage("Python", 2, 66.7), metrics.MostCommonLanguage);
        Assert.Equal(2, metrics.LanguagesBreakdown.Count);
        Assert.Equal(new LanguageShare(2, 1500, 66.7), metrics.LanguagesBreakdown["Python"]);
        Assert.Equal(new LanguageShare(1, 0, 33.3), metrics.LanguagesBreakdown["Unknown"]);
        Assert.Equal(new[] { "Python", "Unknown" }, metrics.LanguagesBreakdown.Keys);
    }

    [Fact]
    public void Compute_ThreeProjects_AveragesRoundedToOneDecimal()
    {
        var metrics = GitHubMetrics.Compute(ThreeProjects(), null);

        Assert.Equal(500.0, metrics.Averages.LocPerProject);
        Assert.Equal(13.3, metrics.Averages.CommitsPerProject);
        Assert.Equal(0.7, metrics.Averages.TimePerProjectHours);
        Assert.Equal(2.7, metrics.Averages.ActiveDaysPerProject);
    }

    [Fact]
    public void Compute_TotalMinutes_RoundedToOneDecimal()
    {
        List<Project> projects =
        [
            new() { Name = "x", TimeSpentMin = 10.04 },
            new() { Name = "y", TimeSpentMin = 20.07 },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(30.1, metrics.TotalTimeSpentMinutes);
        Assert.Equal(0.5, metrics.TotalTimeSpentHours);
    }

    [Fact]
    public void Compute_EqualLoc_FirstProjectInListWins()
    {
        List<Project> projects =
        [
            new() { Name = "small", Loc = 10 },
            new() { Name = "first", Loc = 700 },
            new() { Name = "second", Loc = 700 },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(new ProjectLoc("first", 700), metrics.ProjectWithMostLoc);
    }

    [Fact]
    public void Compute_EqualTimeAndCommits_FirstProjectInListWins()
    {
        List<Project> projects =
        [
            new() { Name = "one", TimeSpentMin = 60, CommitCount = 5 },
            new() { Name = "two", TimeSpentMin = 60, CommitCount = 5 },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal("one", metrics.ProjectWithMostTime?.Name);
        Assert.Equal("one", metrics.ProjectWithMostCommits?.Name);
    }

    [Fact]
    public void Compute_AllNumbersMissing_FirstProjectLeadsWithZeros()
    {
        List<Project> projects = [new() { Name = "p" }, new() { Name = "q" }];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(new ProjectLoc("p", 0), metrics.ProjectWithMostLoc);
        Assert.Equal(new ProjectTime("p", 0, 0), metrics.ProjectWithMostTime);
        Assert.Equal(new ProjectCommits("p", 0), metrics.ProjectWithMostCommits);
        Assert.Equal(new CommonLanguage("Unknown", 2, 100.0), metrics.MostCommonLanguage);
    }

    [Theory]
    [InlineData("Rust", "Go")]
    [InlineData("Go", "Rust")]
    public void Compute_LanguageTie_FirstAppearingLanguageWins(string first, string second)
    {
        List<Project> projects =
        [
            new() { Name = "a", PrimaryLanguage = first },
            new() { Name = "b", PrimaryLanguage = second },
            new() { Name = "c", PrimaryLanguage = second },
            new() { Name = "d", PrimaryLanguage = first },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(new CommonLanguage(first, 2, 50.0), metrics.MostCommonLanguage);
    }

    [Fact]
    public void Compute_LanguageWithMoreProjects_WinsOverFirstAppearing()
    {
        List<Project> projects =
        [
            new() { Name = "a", PrimaryLanguage = "C#", Loc = 100000 },
            new() { Name = "b", PrimaryLanguage = "TypeScript", Loc = 1 },
            new() { Name = "c", PrimaryLanguage = "TypeScript", Loc = 1 },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(new CommonLanguage("TypeScript", 2, 66.7), metrics.MostCommonLanguage);
        Assert.Equal(new LanguageShare(1, 100000, 33.3), metrics.LanguagesBreakdown["C#"]);
    }

    [Fact]
    public void Compute_LargeLoc_SumsWithoutOverflow()
    {
        List<Project> projects =
        [
            new() { Name = "a", Loc = int.MaxValue, CodeChurn = int.MaxValue },
            new() { Name = "b", Loc = int.MaxValue, CodeChurn = int.MaxValue },
        ];

        var metrics = GitHubMetrics.Compute(projects, null);

        Assert.Equal(2L * int.MaxValue, metrics.TotalLoc);
        Assert.Equal(2L * int.MaxValue, metrics.TotalCodeChurn);
    }

    [Fact]
    public void Compute_LastRefreshedAt_PassesThrough()
    {
        var refreshed = new DateTime(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc);

        var metrics = GitHubMetrics.Compute(ThreeProjects(), refreshed);

        Assert.Equal(refreshed, metrics.LastRefreshedAt);
    }
}
