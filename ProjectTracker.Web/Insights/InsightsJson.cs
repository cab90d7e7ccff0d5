using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Insights;

/// <summary><c>GET /api/insights</c>: the days, every pair's correlation with its interval, weekdays, and the period before.</summary>
public sealed record InsightsJson(
    DateOnly StartDate,
    DateOnly EndDate,
    bool HasGithubData,
    bool HasWhoopData,
    int MinimumDays,
    InsightDayJson[] Days,
    PairFinding[] Correlations,
    WeekdayJson[] Weekdays,
    ComparisonJson Comparison,
    CorrelationFinding RecoveryAndCommits,
    CorrelationFinding SleepAndCommits)
{
    public static InsightsJson From(CodingInsights insights) => new(
        insights.Range.Start,
        insights.Range.End,
        insights.HasGitHubData,
        insights.HasWhoopData,
        CorrelationFinding.MinimumDays,
        insights.Days.Select(d => new InsightDayJson(
            d.Date, d.Commits, Math.Round(d.CodingHours, 2), d.LateNightCommits, d.Recovery, d.SleepHours, d.Hrv, d.Strain)).ToArray(),
        [.. insights.Findings],
        insights.Weekdays.Select(w => new WeekdayJson(w.Weekday.ToString(), w.Days, w.Averages)).ToArray(),
        new ComparisonJson(
            insights.Comparison.Previous.Start, insights.Comparison.Previous.End, insights.Comparison.PreviousHasData,
            insights.Comparison.Current, insights.Comparison.PreviousAverages),
        insights.RecoveryAndCommits,
        insights.SleepAndCommits);
}

public sealed record InsightDayJson(
    DateOnly Date, int Commits, double CodingHours, int LateNightCommits, double? Recovery, double? SleepHours, double? Hrv, double? Strain);

public sealed record WeekdayJson(string Weekday, int Days, MeasureAverages Averages);

public sealed record ComparisonJson(
    DateOnly PreviousStartDate, DateOnly PreviousEndDate, bool PreviousHasData, MeasureAverages Current, MeasureAverages Previous);
