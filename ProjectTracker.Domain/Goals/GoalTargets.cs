using System.Globalization;

namespace ProjectTracker.Domain.Goals;

public enum GoalKind
{
    WeeklyCodingHours,
    DailySleepHours,
    WeeklyActiveDays,
}

public static class GoalKinds
{
    public static readonly IReadOnlyList<GoalKind> All = [GoalKind.WeeklyCodingHours, GoalKind.DailySleepHours, GoalKind.WeeklyActiveDays];

    /// <summary>The goal's name in the API and the database.</summary>
    public static string Name(this GoalKind kind) => kind switch
    {
        GoalKind.WeeklyCodingHours => "weekly_coding_hours",
        GoalKind.DailySleepHours => "daily_sleep_hours",
        _ => "weekly_active_days",
    };

    /// <summary>The largest target that can be met: the hours of a week, of a day, the days of a week.</summary>
    public static double Maximum(this GoalKind kind) => kind switch
    {
        GoalKind.WeeklyCodingHours => 168,
        GoalKind.DailySleepHours => 24,
        _ => 7,
    };

    public static GoalKind? FromName(string name) => All.Cast<GoalKind?>().FirstOrDefault(k => k!.Value.Name() == name);
}

/// <summary>The owner's goals; null where none is set.</summary>
public sealed record GoalTargets(double? WeeklyCodingHours = null, double? DailySleepHours = null, int? WeeklyActiveDays = null)
{
    public static readonly GoalTargets None = new();

    public bool AnySet => Set.Any();

    /// <summary>The goals that are set, in <see cref="GoalKinds.All"/> order.</summary>
    public IEnumerable<(GoalKind Kind, double Target)> Set => GoalKinds.All
        .Select(kind => (Kind: kind, Target: TargetOf(kind)))
        .Where(g => g.Target is not null)
        .Select(g => (g.Kind, g.Target!.Value));

    public double? TargetOf(GoalKind kind) => kind switch
    {
        GoalKind.WeeklyCodingHours => WeeklyCodingHours,
        GoalKind.DailySleepHours => DailySleepHours,
        _ => WeeklyActiveDays,
    };

    /// <summary>The first target out of its range, with what to send instead; null when all are valid.</summary>
    public (GoalKind Kind, string Message)? FirstError() => Set
        .Where(g => !double.IsFinite(g.Target) || g.Target < 0 || g.Target > g.Kind.Maximum())
        .Select(g => ((GoalKind, string)?)(g.Kind, RangeMessage(g.Kind)))
        .FirstOrDefault();

    public static string RangeMessage(GoalKind kind) => kind == GoalKind.WeeklyActiveDays
        ? $"{kind.Name()} is a whole number of days from 0 to 7, or null for no goal."
        : $"{kind.Name()} is a number of hours from 0 to {kind.Maximum().ToString(CultureInfo.InvariantCulture)}, or null for no goal.";

    /// <summary>The targets read back from their rows (a row of an unknown name is ignored).</summary>
    public static GoalTargets From(IEnumerable<Goal> rows)
    {
        var byKind = rows.Select(r => (Kind: GoalKinds.FromName(r.Name), r.Target))
            .Where(r => r.Kind is not null)
            .ToDictionary(r => r.Kind!.Value, r => r.Target);
        return new GoalTargets(
            byKind.TryGetValue(GoalKind.WeeklyCodingHours, out var coding) ? coding : null,
            byKind.TryGetValue(GoalKind.DailySleepHours, out var sleep) ? sleep : null,
            byKind.TryGetValue(GoalKind.WeeklyActiveDays, out var days) ? (int)Math.Round(days) : null);
    }
}
