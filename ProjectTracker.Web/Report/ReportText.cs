using System.Globalization;
using ProjectTracker.Domain;
using ProjectTracker.Domain.Report;

namespace ProjectTracker.Web.Report;

/// <summary>
/// How the report's figures are written, shared by the page and both parts of the e-mail so they show the same text
/// for the same number (the numbers themselves are rounded once, in <see cref="WeeklyReport"/>).
/// </summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Href(ReportWeek week) => $"/report/{week}";

    public static string Title(WeeklyReport report) => $"Week {report.Week.Week}, {report.Week.Year}";

    /// <summary>"30 Nov – 6 Dec 2026".</summary>
    public static string Dates(ReportWeek week) =>
        $"{week.Start.ToString("d MMM", Invariant)} – {week.End.ToString("d MMM yyyy", Invariant)}";

    public static string Subject(WeeklyReport report) =>
        $"Your week {report.Week} ({Dates(report.Week)}): {Hours(report.CodingHours)} coding, {Count(report.Commits, "commit")}";

    public static string Hours(double hours) => hours.ToString("0.##", Invariant) + " h";

    public static string Count(int n, string noun) => $"{n.ToString("N0", Invariant)} {noun}{(n == 1 ? "" : "s")}";

    public static string Number(double? value, string unit) => value is { } v ? v.ToString("0.0", Invariant) + unit : "—";

    public static string Day(DateOnly day) => day.ToString("dddd d MMM", Invariant);

    /// <summary>A goal's name as people read it: <c>weekly_coding_hours</c> → "Weekly coding hours".</summary>
    public static string GoalName(string name) => Sentences.Capitalise(name.Replace('_', ' '));

    /// <summary>"Weekly coding hours: 5.5 h of 20 h — not met".</summary>
    public static string Goal(ReportGoal goal)
    {
        var unit = goal.Name.EndsWith("hours", StringComparison.Ordinal) ? " h" : goal.Name.EndsWith("days", StringComparison.Ordinal) ? " days" : "";
        var actual = goal.Actual is { } a ? a.ToString("0.##", Invariant) + unit : "nothing measured";
        return $"{GoalName(goal.Name)}: {actual} of {goal.Target.ToString("0.##", Invariant)}{unit} — {(goal.Met ? "met" : "not met")}";
    }

    /// <summary>The measures compared, in the order the page, the JSON and the e-mail list them.</summary>
    public static IReadOnlyList<(string Key, string Name, string Unit, ReportComparison Values)> Body(WeeklyReport report) =>
    [
        ("recovery", "Recovery", " %", report.Recovery),
        ("sleep_hours", "Sleep", " h", report.SleepHours),
        ("hrv", "HRV", " ms", report.Hrv),
    ];

    public const string NoHabitEffects =
        "No habit effect holds yet (q < 0.1 over the eight weeks before and this one): keep tagging days, or answering the WHOOP journal.";
}
