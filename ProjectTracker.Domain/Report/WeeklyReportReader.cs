using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Goals;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Report;

/// <summary>
/// Builds a <see cref="WeeklyReport"/>: coding from the timesheet's reader (wall-clock hours shared between projects,
/// decision 0015), the body from the insights' days (the same local days), habit effects from <see cref="TagEffects"/>
/// over the baseline and the week together (a single week is far too few days for any effect to hold), goals by
/// <see cref="GoalProgress.Week"/> over the ISO week's own days (so a goal's actual is the report's figure).
/// </summary>
public sealed class WeeklyReportReader(CodingDaysReader coding, InsightsReadService insights, DayTagService tags, GoalService goals)
{
    public OwnerDays Owner => coding.Owner;

    /// <summary>The week before the owner's current one: the week the Monday e-mail sends.</summary>
    public async Task<ReportWeek> LastWeekAsync(CancellationToken ct = default) =>
        ReportWeek.Of(await coding.Owner.TodayAsync(ct)).Previous;

    public async Task<ReportWeek> ThisWeekAsync(CancellationToken ct = default) =>
        ReportWeek.Of(await coding.Owner.TodayAsync(ct));

    public async Task<WeeklyReport> ReadAsync(ReportWeek week, CancellationToken ct = default)
    {
        var window = new DateRange(week.Start.AddDays(-7 * WeeklyReport.BaselineWeeks), week.End);
        // The day after the week too: TagEffects reads a habit's effect on the next day.
        var (_, days, hasGitHub) = await insights.ReadInputsAsync(new DateRange(window.Start, window.End.AddDays(1)), ct);
        var sheet = Timesheet.Build(await coding.ReadAsync(week.Range, cancellationToken: ct), TimesheetGroup.Day, coding.Owner.Calendar);
        var effects = TagEffects.Of(window, days, await tags.InRangeAsync(window, ct), hasGitHub);

        var thisWeek = days.Where(d => d.Date >= week.Start && d.Date <= week.End).ToList();
        var previous = days.Where(d => d.Date >= week.Previous.Start && d.Date <= week.Previous.End).ToList();
        var baseline = days.Where(d => d.Date < week.Start).ToList();
        var reportDays = thisWeek.Select(Day).ToList();
        var weekGoals = GoalProgress.Week(week.Start, await goals.GetAsync(ct),
            thisWeek.Select(d => new GoalDay(d.Date, d.Commits, d.CodingHours, d.SleepHours)), await coding.Owner.TodayAsync(ct));
        return new WeeklyReport(
            week, hasGitHub, days.Any(d => d.Recovery is not null || d.SleepHours is not null || d.Hrv is not null),
            Hours(sheet.Total.Minutes), sheet.Total.Commits, thisWeek.Count(d => d.Commits > 0),
            sheet.Projects.Select(p => (Label: p, Total: sheet.ByProject[p.Id]))
                .OrderByDescending(p => p.Total.Minutes).ThenBy(p => p.Label.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new ReportProject(p.Label.Name, Hours(p.Total.Minutes), p.Total.Commits)).ToList(),
            weekGoals.Goals.Select(g => new ReportGoal(g.Kind.Name(), g.Target, g.Actual is { } a ? Math.Round(a, 2) : null, g.Met)).ToList(),
            Compare(thisWeek, previous, baseline, d => d.Recovery),
            Compare(thisWeek, previous, baseline, d => d.SleepHours),
            Compare(thisWeek, previous, baseline, d => d.Hrv),
            StrongestHolding(effects),
            BestDay(reportDays),
            reportDays);
    }

    /// <summary>
    /// The habit effects that hold (q at most <see cref="WeeklyReport.HoldingQ"/>), lowest q first: each habit's strongest
    /// only, so one habit that moves several measures does not crowd out the others.
    /// </summary>
    public static IReadOnlyList<TagEffect> StrongestHolding(IEnumerable<TagEffect> effects) => effects
        .Where(e => e is { Q: <= WeeklyReport.HoldingQ, Difference: not null })
        .OrderBy(e => e.Q).ThenByDescending(e => Math.Abs(e.Difference!.Value))
        .DistinctBy(e => (e.Tag, e.Source))
        .Take(WeeklyReport.MaxHabitEffects)
        .ToList();

    /// <summary><see cref="WeeklyReport.BestDayRule"/>; null when no day has a recovery or any coding.</summary>
    public static ReportBestDay? BestDay(IReadOnlyList<ReportDay> days)
    {
        if (days.Where(d => d.Recovery is not null).OrderByDescending(d => d.Recovery).ThenByDescending(d => d.CodingHours).FirstOrDefault() is { } rested)
        {
            return new ReportBestDay(rested, FormattableString.Invariant($"highest recovery of the week ({rested.Recovery:0} %)"));
        }

        return days.Where(d => d.CodingHours > 0).OrderByDescending(d => d.CodingHours).FirstOrDefault() is { } busiest
            ? new ReportBestDay(busiest, FormattableString.Invariant($"most coding hours of the week ({busiest.CodingHours:0.##} h; no recovery this week)"))
            : null;
    }

    private static ReportDay Day(InsightDay d) =>
        new(d.Date, d.Commits, Math.Round(d.CodingHours, 2), OneDecimal(d.Recovery), OneDecimal(d.SleepHours), OneDecimal(d.Hrv));

    private static ReportComparison Compare(
        IReadOnlyList<InsightDay> week, IReadOnlyList<InsightDay> previous, IReadOnlyList<InsightDay> baseline, Func<InsightDay, double?> measure) =>
        new(Average(week, measure), Average(previous, measure), Average(baseline, measure));

    private static double? Average(IEnumerable<InsightDay> days, Func<InsightDay, double?> measure) =>
        Rounding.AverageOneDecimal(days.Select(measure).OfType<double>().ToList());

    private static double? OneDecimal(double? value) => value is { } v ? Rounding.OneDecimal(v) : null;

    private static double Hours(double minutes) => Math.Round(minutes / 60, 2);
}
