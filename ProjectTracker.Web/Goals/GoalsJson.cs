using System.Text.Json.Serialization;
using ProjectTracker.Domain.Goals;

namespace ProjectTracker.Web.Goals;

// The JSON of /api/goals and /api/goals/progress (decision 0008: one file per endpoint group).

/// <summary>The owner's goals; null: no goal.</summary>
public sealed record GoalsJson(double? WeeklyCodingHours, double? DailySleepHours, int? WeeklyActiveDays)
{
    public static GoalsJson From(GoalTargets targets) => new(targets.WeeklyCodingHours, targets.DailySleepHours, targets.WeeklyActiveDays);

    public GoalTargets ToTargets() => new(WeeklyCodingHours, DailySleepHours, WeeklyActiveDays);
}

/// <summary>A goal over a week: hours rounded to two decimals; <c>met</c> compares the unrounded figure.</summary>
public sealed record GoalProgressJson(double Target, double? Actual, bool Met)
{
    public static GoalProgressJson? From(GoalResult? result) => result is null
        ? null
        : new(result.Target, result.Actual is { } actual ? Math.Round(actual, 2) : null, result.Met);
}

/// <summary>Only the goals that are set.</summary>
public sealed record WeekGoalProgressJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GoalProgressJson? WeeklyCodingHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GoalProgressJson? DailySleepHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GoalProgressJson? WeeklyActiveDays);

public sealed record WeekGoalsJson(DateOnly WeekStart, DateOnly WeekEnd, bool Partial, WeekGoalProgressJson Goals)
{
    public static WeekGoalsJson From(WeekGoals week) => new(
        week.WeekStart, week.WeekEnd, week.Partial,
        new WeekGoalProgressJson(
            GoalProgressJson.From(week.Of(GoalKind.WeeklyCodingHours)),
            GoalProgressJson.From(week.Of(GoalKind.DailySleepHours)),
            GoalProgressJson.From(week.Of(GoalKind.WeeklyActiveDays))));
}
