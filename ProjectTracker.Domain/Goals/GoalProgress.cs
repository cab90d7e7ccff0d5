using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Goals;

/// <summary>A goal over one week: its target, what the week reached (null: nothing measured), and whether that meets it.</summary>
public sealed record GoalResult(GoalKind Kind, double Target, double? Actual, bool Met);

/// <summary>
/// The set goals over one of the owner's weeks (from <c>Owner:FirstDayOfWeek</c>). <see cref="Partial"/>: the week is
/// not over yet (today is in it, or it is still to come), so its figures are the days so far.
/// </summary>
public sealed record WeekGoals(DateOnly WeekStart, bool Partial, IReadOnlyList<GoalResult> Goals)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public GoalResult? Of(GoalKind kind) => Goals.FirstOrDefault(g => g.Kind == kind);
}

/// <summary>What happened on a local day, as far as the goals look: commits, coding hours, the night's sleep.</summary>
public sealed record GoalDay(DateOnly Date, int Commits, double CodingHours, double? SleepHours);

/// <summary>
/// The owner's goals week by week. Coding hours are the wall-clock hours of the timesheet (decision 0015: the same
/// <see cref="CodingDaysReader"/>, so a week's figure is the timesheet's week total); active days are days with at least
/// one commit; sleep is the week's average of hours asleep per night, over the nights WHOOP scored (the WHOOP
/// dashboard's "Sleep per night": naps left out, a night on the day it ended, the later of two).
/// </summary>
public sealed class GoalProgress(IDbContextFactory<TrackerDbContext> contexts, GoalService goals, CodingDaysReader coding)
{
    public const int MaxWeeks = 520;

    public OwnerCalendarOptions Calendar => coding.Owner.Calendar;

    /// <summary>The first day of the owner's current week.</summary>
    public async Task<DateOnly> CurrentWeekStartAsync(CancellationToken ct = default) =>
        Calendar.WeekStart(await coding.Owner.TodayAsync(ct));

    /// <summary>The last <paramref name="weeks"/> weeks up to the current one, newest first.</summary>
    public async Task<IReadOnlyList<WeekGoals>> LastWeeksAsync(int weeks, CancellationToken ct = default) =>
        await ForWeeksAsync(await CurrentWeekStartAsync(ct), weeks, ct);

    /// <summary>The week holding <paramref name="day"/>.</summary>
    public async Task<WeekGoals> ForWeekAsync(DateOnly day, CancellationToken ct = default) => (await ForWeeksAsync(day, 1, ct))[0];

    /// <summary>
    /// <paramref name="weeks"/> weeks, newest first, the newest being the week holding <paramref name="newestWeekStart"/>.
    /// Only the goals that are set are in them (none: every week has an empty list).
    /// </summary>
    public async Task<IReadOnlyList<WeekGoals>> ForWeeksAsync(DateOnly newestWeekStart, int weeks, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        var targets = await goals.GetAsync(ct);
        var newest = Calendar.WeekStart(newestWeekStart);
        var range = new DateRange(newest.AddDays(-7 * (weeks - 1)), newest.AddDays(6));
        var days = await ReadDaysAsync(range, targets, ct);
        var today = await coding.Owner.TodayAsync(ct);
        return Enumerable.Range(0, weeks).Select(i => Week(newest.AddDays(-7 * i), targets, days, today)).ToList();
    }

    /// <summary>The week from <paramref name="weekStart"/> for seven days, on <paramref name="days"/> (any days; the week's are used).</summary>
    public static WeekGoals Week(DateOnly weekStart, GoalTargets targets, IEnumerable<GoalDay> days, DateOnly today)
    {
        var week = days.Where(d => d.Date >= weekStart && d.Date <= weekStart.AddDays(6)).ToList();
        var nights = week.Select(d => d.SleepHours).OfType<double>().ToList();
        var results = targets.Set.Select(goal =>
        {
            double? actual = goal.Kind switch
            {
                GoalKind.WeeklyCodingHours => week.Sum(d => d.CodingHours),
                GoalKind.WeeklyActiveDays => week.Count(d => d.Commits > 0),
                _ => nights.Count > 0 ? nights.Average() : null,
            };
            return new GoalResult(goal.Kind, goal.Target, actual, actual >= goal.Target);
        }).ToList();
        return new WeekGoals(weekStart, today <= weekStart.AddDays(6), results);
    }

    /// <summary>The days of <paramref name="range"/> with what the set goals need (coding read only for a coding goal, sleep for a sleep goal).</summary>
    private async Task<List<GoalDay>> ReadDaysAsync(DateRange range, GoalTargets targets, CancellationToken ct)
    {
        var codingDays = targets.WeeklyCodingHours is null && targets.WeeklyActiveDays is null
            ? []
            : (await coding.ReadAsync(range, cancellationToken: ct)).Days;
        var byDay = codingDays.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => (Commits: g.Sum(d => d.Commits), Hours: g.Sum(d => d.Minutes) / 60));
        var nights = targets.DailySleepHours is null ? [] : await NightsAsync(range, ct);
        return byDay.Keys.Union(nights.Keys).Select(date =>
        {
            var (commits, hours) = byDay.GetValueOrDefault(date);
            return new GoalDay(date, commits, hours, nights.TryGetValue(date, out var sleep) ? sleep : null);
        }).ToList();
    }

    /// <summary>Hours asleep of each scored night of the range, by the day it ended on (the later night where a day has two).</summary>
    private async Task<Dictionary<DateOnly, double>> NightsAsync(DateRange range, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var nights = await db.WhoopSleeps.AsNoTracking()
            .Where(WhoopScoring.ScoredSleep)
            .Where(s => !s.IsNap && s.Date >= range.From && s.Date < range.Until)
            .Select(s => new { s.Date, s.EndTime, s.TotalSleepHours })
            .ToListAsync(ct);
        return nights.GroupBy(s => DateOnly.FromDateTime(s.Date))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.EndTime)!.TotalSleepHours!.Value);
    }
}
