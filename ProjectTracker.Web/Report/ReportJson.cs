using ProjectTracker.Domain.Report;
using ProjectTracker.Web.Days;

namespace ProjectTracker.Web.Report;

/// <summary><c>GET /api/report/week/{week}</c>: the weekly report's figures, as the page and the e-mail show them.</summary>
public sealed record WeeklyReportJson(
    string Week,
    DateOnly StartDate,
    DateOnly EndDate,
    double CodingHours,
    int Commits,
    int ActiveDays,
    ReportProjectJson[] Projects,
    Dictionary<string, ReportGoalJson> Goals,
    ReportComparisonJson Recovery,
    ReportComparisonJson SleepHours,
    ReportComparisonJson Hrv,
    TagEffectJson[] HabitEffects,
    ReportBestDayJson? BestDay,
    ReportDayJson[] Days,
    string PageUrl)
{
    public static WeeklyReportJson From(WeeklyReport report) => new(
        report.Week.ToString(), report.StartDate, report.EndDate, report.CodingHours, report.Commits, report.ActiveDays,
        report.Projects.Select(p => new ReportProjectJson(p.Project, p.Hours, p.Commits)).ToArray(),
        report.Goals.ToDictionary(g => g.Name, g => new ReportGoalJson(g.Target, g.Actual, g.Met)),
        Comparison(report.Recovery), Comparison(report.SleepHours), Comparison(report.Hrv),
        report.HabitEffects.Select(TagEffectJson.From).ToArray(),
        report.BestDay is { } best ? new ReportBestDayJson(best.Day.Date, best.Reason, Day(best.Day)) : null,
        report.Days.Select(Day).ToArray(),
        ReportText.Href(report.Week));

    private static ReportComparisonJson Comparison(ReportComparison c) => new(c.Average, c.PreviousWeek, c.Baseline);

    private static ReportDayJson Day(ReportDay d) => new(d.Date, d.Commits, d.CodingHours, d.Recovery, d.SleepHours, d.Hrv);
}

public sealed record ReportProjectJson(string Project, double Hours, int Commits);

public sealed record ReportGoalJson(double Target, double? Actual, bool Met);

/// <summary>The week's average, the previous week's and the 8 weeks before the week (the baseline); null where no day has it.</summary>
public sealed record ReportComparisonJson(double? Average, double? PreviousWeek, double? Baseline);

public sealed record ReportBestDayJson(DateOnly Date, string Reason, ReportDayJson Day);

public sealed record ReportDayJson(DateOnly Date, int Commits, double CodingHours, double? Recovery, double? SleepHours, double? Hrv);

public sealed record ReportSendJson(string Message, string Week, int Recipients);
