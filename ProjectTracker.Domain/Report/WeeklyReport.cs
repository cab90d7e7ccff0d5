using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Domain.Report;

/// <summary>A project's share of the week's wall-clock coding hours (decision 0015) and its commits.</summary>
public sealed record ReportProject(string Project, double Hours, int Commits);

/// <summary>A goal over the report's week: its target, what the week reached (null: nothing measured), and whether that meets it.</summary>
public sealed record ReportGoal(string Name, double Target, double? Actual, bool Met);

/// <summary>A body measure's average over the week, the week before, and the 8 weeks before the week (the owner's baseline); null where no day has it.</summary>
public sealed record ReportComparison(double? Average, double? PreviousWeek, double? Baseline);

/// <summary>One day of the week as the report lists it.</summary>
public sealed record ReportDay(DateOnly Date, int Commits, double CodingHours, double? Recovery, double? SleepHours, double? Hrv);

/// <summary>The week's best day and why it was picked (<see cref="WeeklyReport.BestDayRule"/>).</summary>
public sealed record ReportBestDay(ReportDay Day, string Reason);

/// <summary>
/// One ISO week of the owner's life: coding by project, the body's averages against the week before and the owner's own
/// baseline, goals, the habit effects that hold and the best day. Figures are rounded here (hours to two decimals,
/// averages to one), so the page, the JSON and the e-mail show the same numbers.
/// </summary>
public sealed record WeeklyReport(
    ReportWeek Week,
    bool HasGitHubData,
    bool HasWhoopData,
    double CodingHours,
    int Commits,
    int ActiveDays,
    IReadOnlyList<ReportProject> Projects,
    IReadOnlyList<ReportGoal> Goals,
    ReportComparison Recovery,
    ReportComparison SleepHours,
    ReportComparison Hrv,
    IReadOnlyList<TagEffect> HabitEffects,
    ReportBestDay? BestDay,
    IReadOnlyList<ReportDay> Days)
{
    /// <summary>The weeks before the report's week its baseline averages.</summary>
    public const int BaselineWeeks = 8;

    /// <summary>A habit effect holds at this false-discovery rate or below (Benjamini–Hochberg q).</summary>
    public const double HoldingQ = 0.1;

    /// <summary>How many of the holding habit effects the report shows, the strongest (lowest q) first.</summary>
    public const int MaxHabitEffects = 3;

    public const string BestDayRule =
        "The best day is the day with the highest recovery (WHOOP's own morning score); a tie goes to the day with more coding hours. " +
        "A week without a recovery picks the day with the most coding hours.";

    public DateOnly StartDate => Week.Start;

    public DateOnly EndDate => Week.End;
}
