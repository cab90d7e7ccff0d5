using ProjectTracker.Domain;
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

/// <summary>
/// <c>GET /api/github/activity</c>: every local day with its commits and hours, and the streaks: the old app's daily
/// <c>current_streak</c> and <c>longest_streak</c>, and <c>streak</c> under the rule asked for.
/// </summary>
public sealed record ActivityJson(
    DateOnly StartDate, DateOnly EndDate, ActivityDayJson[] Days, int CurrentStreak, int LongestStreak, int TotalCommits, StreaksJson Streak)
{
    public static ActivityJson From(ActivityCalendar calendar, StreakSummary streaks) => new(
        calendar.Days[0].Date, calendar.Days[^1].Date,
        calendar.Days.Select(d => new ActivityDayJson(d.Date, d.Commits, TimesheetJson.Hours(d.Minutes))).ToArray(),
        calendar.CurrentStreak, calendar.LongestStreak, calendar.TotalCommits, StreaksJson.From(streaks));
}

public sealed record ActivityDayJson(DateOnly Date, int Commits, double Hours);

/// <summary>The streaks under <c>streak</c> and <c>rest</c>: <c>length</c> in <c>unit</c> (days, or weeks).</summary>
public sealed record StreaksJson(string Rule, string? Rest, string Unit, StreakJson Current, StreakJson Longest)
{
    public static StreaksJson From(StreakSummary s) => new(
        s.Choice.RuleName, s.Choice.Rest ? StreakChoice.RestName : null, s.Choice.Unit, StreakJson.From(s.Current), StreakJson.From(s.Longest));
}

public sealed record StreakJson(int Length, DateOnly? StartDate, DateOnly? EndDate)
{
    public static StreakJson From(Streak streak) => new(streak.Length, streak.Start, streak.End);
}

/// <summary>
/// <c>GET /api/github/punchcard</c>: commits and coding hours by local weekday (Monday 0) and hour, all 168 cells.
/// <c>time_zone</c> is the owner's (<c>Owner:TimeZone</c>, else UTC); <c>utc_offsets</c> the offsets WHOOP recorded that
/// placed the range's commits (<c>"+09:00"</c>), where it recorded any.
/// </summary>
public sealed record PunchcardJson(
    string TimeZone, string[] UtcOffsets, DateOnly StartDate, DateOnly EndDate, double TotalHours, int TotalCommits, PunchcardCellJson[] Cells)
{
    public static PunchcardJson From(Punchcard card, string timeZone)
    {
        // Each cell to 0.01 h, apportioned so the cells add up to total_hours, the timesheet's total for the same range.
        var totalHours = TimesheetJson.Hours(card.TotalTime.TotalMinutes);
        var hundredths = Rounding.WholeShares([.. card.Cells.Select(c => c.Time.TotalHours * 100)], (long)Math.Round(totalHours * 100));
        return new PunchcardJson(timeZone, [.. card.RecordedOffsets.Select(Offset)], card.Range.Start, card.Range.End, totalHours, card.TotalCommits,
            [.. card.Cells.Select((c, i) => new PunchcardCellJson(c.Weekday, c.Hour, c.Commits, hundredths[i] / 100.0))]);
    }

    /// <summary>"+09:00", "-05:00", as WHOOP writes them.</summary>
    private static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record PunchcardCellJson(int Weekday, int Hour, int Commits, double CodingHours);
