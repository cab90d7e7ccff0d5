using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.GitHub.Timesheet;

public sealed record TimesheetRow(ProjectLabel Project, DateOnly PeriodStart, double Minutes, int Commits, int Sessions);

public sealed record TimesheetTotal(double Minutes, int Commits, int Sessions)
{
    public static readonly TimesheetTotal Zero = new(0, 0, 0);

    public TimesheetTotal Add(double minutes, int commits, int sessions) => new(Minutes + minutes, Commits + commits, Sessions + sessions);
}

/// <summary>
/// Coding hours, commits and sessions per project and period (day, week or month) of a range of local days; the periods
/// at the ends may reach outside the range, but only the range's days are counted in them.
/// </summary>
public sealed record Timesheet(
    TimesheetGroup Group,
    DateRange Range,
    IReadOnlyList<DateOnly> Periods,
    IReadOnlyList<TimesheetRow> Rows,
    IReadOnlyDictionary<int, TimesheetTotal> ByProject,
    IReadOnlyDictionary<DateOnly, TimesheetTotal> ByPeriod,
    TimesheetTotal Total,
    IReadOnlyList<ProjectLabel> Projects)
{
    public static Timesheet Build(CodingDays days, TimesheetGroup group, OwnerCalendarOptions calendar)
    {
        DateOnly PeriodOf(DateOnly day) => group switch
        {
            TimesheetGroup.Day => day,
            TimesheetGroup.Week => calendar.WeekStart(day),
            _ => new DateOnly(day.Year, day.Month, 1),
        };

        var projects = days.Projects.ToDictionary(p => p.Id);
        var rows = days.Days
            .Where(d => projects.ContainsKey(d.ProjectId) && d.HasWork)
            .GroupBy(d => (d.ProjectId, Period: PeriodOf(d.Date)))
            .Select(g => new TimesheetRow(projects[g.Key.ProjectId], g.Key.Period, g.Sum(d => d.Minutes), g.Sum(d => d.Commits), g.Sum(d => d.Sessions)))
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.Project.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var periods = new List<DateOnly>();
        for (var period = PeriodOf(days.Range.Start); period <= days.Range.End; period = Next(period))
        {
            periods.Add(period);
        }

        var byPeriod = periods.ToDictionary(p => p, _ => TimesheetTotal.Zero);
        var byProject = new Dictionary<int, TimesheetTotal>();
        var total = TimesheetTotal.Zero;
        foreach (var row in rows)
        {
            byPeriod[row.PeriodStart] = byPeriod[row.PeriodStart].Add(row.Minutes, row.Commits, row.Sessions);
            byProject[row.Project.Id] = byProject.GetValueOrDefault(row.Project.Id, TimesheetTotal.Zero).Add(row.Minutes, row.Commits, row.Sessions);
            total = total.Add(row.Minutes, row.Commits, row.Sessions);
        }

        var active = days.Projects.Where(p => byProject.ContainsKey(p.Id)).ToList();
        return new Timesheet(group, days.Range, periods, rows, byProject, byPeriod, total, active);

        DateOnly Next(DateOnly period) => group switch
        {
            TimesheetGroup.Day => period.AddDays(1),
            TimesheetGroup.Week => period.AddDays(7),
            _ => period.AddMonths(1),
        };
    }
}
