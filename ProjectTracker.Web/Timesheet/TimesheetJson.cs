using ProjectTracker.Domain.GitHub.Timesheet;

namespace ProjectTracker.Web.Timesheet;

/// <summary><c>GET /api/github/timesheet</c>: hours, commits and sessions per project and period.</summary>
public sealed record TimesheetJson(string Group, DateOnly StartDate, DateOnly EndDate, TimesheetRowJson[] Rows, TimesheetTotalsJson Totals)
{
    public static TimesheetJson From(Domain.GitHub.Timesheet.Timesheet sheet) => new(
        sheet.Group.Name(),
        sheet.Range.Start,
        sheet.Range.End,
        sheet.Rows.Select(r => new TimesheetRowJson(r.Project.Name, r.Project.FullName, r.PeriodStart, Hours(r.Minutes), r.Commits, r.Sessions)).ToArray(),
        new TimesheetTotalsJson(
            Hours(sheet.Total.Minutes), sheet.Total.Commits, sheet.Total.Sessions,
            sheet.Projects.Select(p => ProjectTotal(p, sheet.ByProject[p.Id])).ToArray(),
            sheet.Periods.Select(p => PeriodTotal(p, sheet.ByPeriod[p])).ToArray()));

    private static TimesheetProjectJson ProjectTotal(ProjectLabel p, TimesheetTotal t) =>
        new(p.Name, p.FullName, Hours(t.Minutes), t.Commits, t.Sessions);

    private static TimesheetPeriodJson PeriodTotal(DateOnly period, TimesheetTotal t) => new(period, Hours(t.Minutes), t.Commits, t.Sessions);

    /// <summary>Hours to two decimals; totals are rounded from the exact minutes, so they may differ from the rows' sum by 0.01.</summary>
    public static double Hours(double minutes) => Math.Round(minutes / 60, 2);
}

public sealed record TimesheetRowJson(string Project, string FullName, DateOnly PeriodStart, double Hours, int Commits, int Sessions);

public sealed record TimesheetTotalsJson(
    double Hours, int Commits, int Sessions, TimesheetProjectJson[] Projects, TimesheetPeriodJson[] Periods);

public sealed record TimesheetProjectJson(string Project, string FullName, double Hours, int Commits, int Sessions);

public sealed record TimesheetPeriodJson(DateOnly PeriodStart, double Hours, int Commits, int Sessions);

/// <summary><c>GET /api/github/activity</c>: every local day with its commits and hours, and the streaks.</summary>
public sealed record ActivityJson(DateOnly StartDate, DateOnly EndDate, ActivityDayJson[] Days, int CurrentStreak, int LongestStreak, int TotalCommits)
{
    public static ActivityJson From(ActivityCalendar calendar) => new(
        calendar.Days[0].Date, calendar.Days[^1].Date,
        calendar.Days.Select(d => new ActivityDayJson(d.Date, d.Commits, TimesheetJson.Hours(d.Minutes))).ToArray(),
        calendar.CurrentStreak, calendar.LongestStreak, calendar.TotalCommits);
}

public sealed record ActivityDayJson(DateOnly Date, int Commits, double Hours);
