namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>What a streak counts: every day, weekdays only (Saturdays and Sundays skipped), or weeks with an active day.</summary>
public enum StreakRule
{
    Daily,
    Weekdays,
    Weekly,
}

/// <summary>A streak rule, and whether rest days (red recovery, or tagged "rest") are skipped.</summary>
public readonly record struct StreakChoice(StreakRule Rule, bool Rest = false)
{
    public static readonly StreakChoice Daily = new(StreakRule.Daily);

    /// <summary>The query values: <c>streak=daily|weekdays|weekly</c>, <c>rest=red</c>.</summary>
    public static readonly IReadOnlyDictionary<string, StreakRule> RulesByName =
        new Dictionary<string, StreakRule>(StringComparer.OrdinalIgnoreCase)
        {
            ["daily"] = StreakRule.Daily,
            ["weekdays"] = StreakRule.Weekdays,
            ["weekly"] = StreakRule.Weekly,
        };

    public const string RestName = "red";

    public string RuleName => Rule.ToString().ToLowerInvariant();

    /// <summary>What a streak's length counts.</summary>
    public string Unit => Rule == StreakRule.Weekly ? "weeks" : "days";
}

/// <summary>A streak's length (days, or weeks under the weekly rule) and its first and last active day (null when 0).</summary>
public sealed record Streak(int Length, DateOnly? Start, DateOnly? End)
{
    public static readonly Streak None = new(0, null, null);
}

public sealed record StreakSummary(StreakChoice Choice, Streak Current, Streak Longest);

/// <summary>
/// Streaks over a calendar's days. A day (a week, under the weekly rule) is active, inactive, or skipped: skipped units
/// neither extend nor break a streak (weekends under <see cref="StreakRule.Weekdays"/>, rest days with
/// <see cref="StreakChoice.Rest"/>, a week of nothing but rest days under <see cref="StreakRule.Weekly"/>). The current
/// streak ends at today's unit, or the one before it while today's is not active yet (today may not be over); of equally
/// long streaks the longest is the first.
/// </summary>
public static class Streaks
{
    private enum State { Inactive, Active, Skipped }

    private readonly record struct Unit(State State, DateOnly First, DateOnly Last);

    public static StreakSummary Find(
        IReadOnlyList<ActivityDay> days, DateOnly today, StreakChoice choice,
        DayOfWeek firstDayOfWeek = DayOfWeek.Monday, IReadOnlySet<DateOnly>? restDays = null)
    {
        if (days.Count == 0)
        {
            return new StreakSummary(choice, Streak.None, Streak.None);
        }

        var active = days.Where(d => d.Commits > 0).Select(d => d.Date).ToHashSet();
        IReadOnlySet<DateOnly> rest = choice.Rest && restDays is not null ? restDays : new HashSet<DateOnly>();
        var (start, end) = (days[0].Date, days[^1].Date);
        List<Unit> Units(DateOnly until) => choice.Rule == StreakRule.Weekly
            ? Weeks(start, until, active, rest, firstDayOfWeek)
            : [.. Dates(start, until).Select(d => new Unit(DayState(choice.Rule, d, active, rest), d, d))];

        // Up to today for the current streak: days after the range but not after today have no commits here.
        var current = today < start ? Streak.None : Current(Units(today), today);
        return new StreakSummary(choice, current, Longest(Units(end)));
    }

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly until) =>
        Enumerable.Range(0, until.DayNumber - from.DayNumber + 1).Select(from.AddDays);

    private static State DayState(StreakRule rule, DateOnly date, HashSet<DateOnly> active, IReadOnlySet<DateOnly> rest) =>
        (rule == StreakRule.Weekdays && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) || rest.Contains(date) ? State.Skipped
        : active.Contains(date) ? State.Active
        : State.Inactive;

    /// <summary>Weeks with an active day (any day, a weekend's or a rest day's too); a week of rest days only is skipped.</summary>
    private static List<Unit> Weeks(DateOnly from, DateOnly until, HashSet<DateOnly> active, IReadOnlySet<DateOnly> rest, DayOfWeek firstDayOfWeek)
    {
        var weeks = new Time.OwnerCalendarOptions { FirstDayOfWeek = firstDayOfWeek };
        return Dates(from, until).GroupBy(weeks.WeekStart).Select(week =>
        {
            var activeDays = week.Where(active.Contains).ToList();
            return activeDays.Count > 0 ? new Unit(State.Active, activeDays[0], activeDays[^1])
                : new Unit(week.All(rest.Contains) ? State.Skipped : State.Inactive, week.First(), week.Last());
        }).ToList();
    }

    private static Streak Longest(List<Unit> units)
    {
        Streak best = Streak.None, run = Streak.None;
        foreach (var unit in units)
        {
            run = unit.State switch
            {
                State.Active => new Streak(run.Length + 1, run.Start ?? unit.First, unit.Last),
                State.Inactive => Streak.None,
                _ => run,
            };
            best = run.Length > best.Length ? run : best;
        }

        return best;
    }

    private static Streak Current(List<Unit> units, DateOnly today)
    {
        var i = units.Count - 1;
        if (i >= 0 && units[i].Last >= today && units[i].State == State.Inactive)
        {
            i--; // today's unit is not over
        }

        var streak = Streak.None;
        for (; i >= 0 && units[i].State != State.Inactive; i--)
        {
            if (units[i].State == State.Active)
            {
                streak = new Streak(streak.Length + 1, units[i].First, streak.End ?? units[i].Last);
            }
        }

        return streak;
    }
}
