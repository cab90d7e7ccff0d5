using System.Text.Json.Serialization;
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

/// <summary>One day of <c>GET /api/insights/load</c> and <c>load.csv</c>.</summary>
public sealed record LoadDayJson(
    DateOnly Date,
    double? CodingHours,
    double? Strain,
    double? Recovery,
    [property: JsonPropertyName("coding_hours_7d")] double? CodingHours7d,
    [property: JsonPropertyName("coding_hours_28d")] double? CodingHours28d,
    double? CodingRatio,
    [property: JsonPropertyName("strain_7d")] double? Strain7d,
    [property: JsonPropertyName("strain_28d")] double? Strain28d,
    double? StrainRatio,
    [property: JsonPropertyName("recovery_7d")] double? Recovery7d,
    [property: JsonPropertyName("recovery_28d")] double? Recovery28d,
    bool Flag)
{
    public static LoadDayJson From(LoadDay d) => new(
        d.Date, R(d.CodingHours), d.Strain, d.Recovery, R(d.Coding7d), R(d.Coding28d), R(d.CodingRatio), R(d.Strain7d), R(d.Strain28d),
        R(d.StrainRatio), R(d.Recovery7d), R(d.Recovery28d), d.Flag);

    private static double? R(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

/// <summary><c>GET /api/insights/late-nights</c>: each night's last commit beside the sleep after it, and the fitted lines.</summary>
public sealed record LateNightsJson(
    DateOnly StartDate, DateOnly EndDate, int Nights, NightJson[] Points, LineFitJson SleepOnset, LineFitJson SleepHours, LineFitJson NextRecovery)
{
    public static LateNightsJson From(LateNightSleep s) => new(
        s.Range.Start, s.Range.End, s.Nights.Count,
        s.Nights.Select(n => new NightJson(n.Evening, R(n.LastCommitHour), R(n.SleepOnsetHour), R(n.SleepHours), n.NextRecovery)).ToArray(),
        LineFitJson.From(s.SleepOnset), LineFitJson.From(s.SleepHours), LineFitJson.From(s.NextRecovery));

    internal static double? R(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static double R(double value) => Math.Round(value, 4);
}

/// <summary>A night: hours are counted from the evening's midnight, so 25.5 is 01:30 the next morning.</summary>
public sealed record NightJson(DateOnly Evening, double LastCommitHour, double? SleepOnsetHour, double? SleepHours, double? NextRecovery);

/// <summary>y = intercept + slope · last_commit_hour over <c>n</c> nights; nulls when fewer than two nights or one x.</summary>
public sealed record LineFitJson(int N, double? Intercept, double? Slope, double? R)
{
    public static LineFitJson From(LineFit f) => new(f.N, LateNightsJson.R(f.Intercept), LateNightsJson.R(f.Slope), LateNightsJson.R(f.R));
}
