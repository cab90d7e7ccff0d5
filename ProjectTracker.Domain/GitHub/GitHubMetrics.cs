namespace ProjectTracker.Domain.GitHub;

/// <summary>Totals across every project: the old app's <c>/api/github/metrics</c> object plus <c>last_refreshed_at</c>.</summary>
public sealed record GitHubMetrics(
    int TotalProjects,
    double TotalTimeSpentHours,
    double TotalTimeSpentMinutes,
    long TotalLoc,
    long TotalCommits,
    long TotalActiveDays,
    long TotalCodeChurn,
    double AverageProjectSizeKb,
    ProjectLoc? ProjectWithMostLoc,
    ProjectTime? ProjectWithMostTime,
    ProjectCommits? ProjectWithMostCommits,
    CommonLanguage? MostCommonLanguage,
    IReadOnlyDictionary<string, LanguageShare> LanguagesBreakdown,
    ProjectAverages Averages,
    DateTime? LastRefreshedAt)
{
    public const string UnknownLanguage = "Unknown";

    /// <summary>Why the newest finished refresh failed; null once one completes after it.</summary>
    public RefreshFailure? LastRefreshError { get; init; }

    /// <summary>
    /// Aggregates <paramref name="projects"/> as the old app did: missing numbers count as 0, a missing language as
    /// "Unknown", ties go to the first project in <paramref name="projects"/> order, languages are counted by project.
    /// </summary>
    public static GitHubMetrics Compute(IReadOnlyList<Project> projects, DateTime? lastRefreshedAt)
    {
        var count = projects.Count;
        var minutes = projects.Sum(p => p.TimeSpentMin ?? 0);
        var loc = projects.Sum(p => (long)(p.Loc ?? 0));
        var commits = projects.Sum(p => (long)(p.CommitCount ?? 0));
        var activeDays = projects.Sum(p => (long)(p.ActiveDays ?? 0));
        var churn = projects.Sum(p => (long)(p.CodeChurn ?? 0));
        var sizeKb = projects.Sum(p => p.RepositorySizeKb ?? 0);

        var languages = projects
            .GroupBy(p => p.PrimaryLanguage ?? UnknownLanguage) // GroupBy and the dictionary keep first-appearance order
            .ToDictionary(
                g => g.Key,
                g => new LanguageShare(g.Count(), g.Sum(p => (long)(p.Loc ?? 0)), Percent(g.Count(), count)));
        KeyValuePair<string, LanguageShare>? topLanguage = languages.Count == 0 ? null : languages.MaxBy(l => l.Value.ProjectCount);

        return new GitHubMetrics(
            count,
            Rounding.OneDecimal(minutes / 60),
            Rounding.OneDecimal(minutes),
            loc,
            commits,
            activeDays,
            churn,
            PerProject(sizeKb, count),
            FirstMax(projects, p => p.Loc ?? 0) is { } l ? new ProjectLoc(l.Name, l.Loc ?? 0) : null,
            FirstMax(projects, p => p.TimeSpentMin ?? 0) is { } t
                ? new ProjectTime(t.Name, t.TimeSpentMin ?? 0, Rounding.OneDecimal((t.TimeSpentMin ?? 0) / 60))
                : null,
            FirstMax(projects, p => p.CommitCount ?? 0) is { } c ? new ProjectCommits(c.Name, c.CommitCount ?? 0) : null,
            topLanguage is { } top
                ? new CommonLanguage(top.Key, top.Value.ProjectCount, top.Value.PercentageOfProjects)
                : null,
            languages,
            new ProjectAverages(
                PerProject(loc, count),
                PerProject(commits, count),
                PerProject(minutes / 60, count),
                PerProject(activeDays, count)),
            lastRefreshedAt);
    }

    // MaxBy returns the first of equal maxima, matching Python's max().
    private static Project? FirstMax(IReadOnlyList<Project> projects, Func<Project, double> key) => projects.MaxBy(key);

    private static double PerProject(double total, int count) => count == 0 ? 0 : Rounding.OneDecimal(total / count);

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Rounding.OneDecimal(part * 100.0 / whole);
}

public sealed record ProjectLoc(string Name, int Loc);

public sealed record ProjectTime(string Name, double TimeSpentMinutes, double TimeSpentHours);

public sealed record ProjectCommits(string Name, int Commits);

public sealed record CommonLanguage(string Language, int ProjectCount, double Percentage);

public sealed record LanguageShare(int ProjectCount, long TotalLoc, double PercentageOfProjects);

public sealed record ProjectAverages(
    double LocPerProject,
    double CommitsPerProject,
    double TimePerProjectHours,
    double ActiveDaysPerProject);
