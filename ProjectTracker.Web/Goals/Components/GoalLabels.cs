using System.Globalization;
using ProjectTracker.Domain.Goals;

namespace ProjectTracker.Web.Goals.Components;

/// <summary>How a goal's week reads on the pages: "12.5 of 20 h coding", and how far along the bar is.</summary>
public static class GoalLabels
{
    public static string Line(GoalResult goal) => goal.Kind switch
    {
        GoalKind.WeeklyCodingHours => $"{Number(goal.Actual ?? 0, "0.0")} of {Target(goal)} h coding",
        GoalKind.DailySleepHours => goal.Actual is { } sleep
            ? $"{Number(sleep, "0.0")} of {Target(goal)} h sleep a night"
            : $"No scored night yet, of {Target(goal)} h sleep a night",
        _ => $"{Number(goal.Actual ?? 0, "0")} of {Target(goal)} active days",
    };

    /// <summary>What the form says of a target out of range.</summary>
    public static string RangeError(GoalKind kind) => kind switch
    {
        GoalKind.WeeklyCodingHours => "Coding hours a week: 0 to 168, or empty for no goal.",
        GoalKind.DailySleepHours => "Sleep hours a night: 0 to 24, or empty for no goal.",
        _ => "Active days a week: a whole number from 0 to 7, or empty for no goal.",
    };

    /// <summary>How full the bar is, 0–100 (a goal of 0 is full from the start).</summary>
    public static int Percent(GoalResult goal) => goal.Target <= 0
        ? 100
        : (int)Math.Clamp(Math.Floor((goal.Actual ?? 0) / goal.Target * 100), 0, 100);

    public static string Week(WeekGoals week) =>
        "Week of " + week.WeekStart.ToString("ddd d MMM", CultureInfo.InvariantCulture) + (week.Partial ? " (so far)" : "");

    /// <summary>A target in hours: "20", "7.5".</summary>
    public static string Hours(double hours) => Number(hours, "0.#");

    private static string Target(GoalResult goal) => Number(goal.Target, goal.Kind == GoalKind.WeeklyActiveDays ? "0" : "0.#");

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
