namespace ProjectTracker.Domain.Insights;

/// <summary>One daily measure the insights relate: a body side (WHOOP) or a coding side (GitHub).</summary>
public sealed record InsightMeasure(string Key, string Name, string Unit, bool IsCoding, Func<InsightDay, double?> Value);

public static class InsightMeasures
{
    public static readonly InsightMeasure SleepHours = new("sleep_hours", "sleep", "h", false, d => d.SleepHours);
    public static readonly InsightMeasure Recovery = new("recovery", "recovery", "%", false, d => d.Recovery);
    public static readonly InsightMeasure Hrv = new("hrv", "HRV", "ms", false, d => d.Hrv);
    public static readonly InsightMeasure Strain = new("strain", "day strain", "", false, d => d.Strain);
    public static readonly InsightMeasure Commits = new("commits", "commits", "", true, d => d.Commits);
    public static readonly InsightMeasure CodingHours = new("coding_hours", "coding hours", "h", true, d => d.CodingHours);
    public static readonly InsightMeasure LateNightCommits = new("late_night_commits", "late-night commits", "", true, d => d.LateNightCommits);

    public static readonly IReadOnlyList<InsightMeasure> Body = [SleepHours, Recovery, Hrv, Strain];
    public static readonly IReadOnlyList<InsightMeasure> Coding = [Commits, CodingHours, LateNightCommits];
    public static readonly IReadOnlyList<InsightMeasure> All = [.. Coding, .. Body];
}

/// <summary>The mean of each measure over some days (null where no day has it); coding measures only with GitHub data.</summary>
public sealed record MeasureAverages(
    double? Commits, double? CodingHours, double? LateNightCommits, double? Recovery, double? SleepHours, double? Hrv, double? Strain)
{
    public static MeasureAverages Of(IReadOnlyCollection<InsightDay> days, bool hasGitHubData)
    {
        double? Mean(InsightMeasure measure)
        {
            if (measure.IsCoding && !hasGitHubData)
            {
                return null;
            }

            var values = days.Select(measure.Value).OfType<double>().ToList();
            return values.Count == 0 ? null : values.Average();
        }

        return new MeasureAverages(
            Mean(InsightMeasures.Commits), Mean(InsightMeasures.CodingHours), Mean(InsightMeasures.LateNightCommits),
            Mean(InsightMeasures.Recovery), Mean(InsightMeasures.SleepHours), Mean(InsightMeasures.Hrv), Mean(InsightMeasures.Strain));
    }
}

/// <summary>Averages of the days that fall on one day of the week.</summary>
public sealed record WeekdayAverages(DayOfWeek Weekday, int Days, MeasureAverages Averages);

/// <summary>This range against the one of the same length just before it.</summary>
public sealed record PeriodComparison(Time.DateRange Previous, MeasureAverages Current, MeasureAverages PreviousAverages, bool PreviousHasData);
