using System.Globalization;
using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>One measure drawn on its own axis: bars (counts, hours) or a line (scores), from 0 to <see cref="Max"/>.</summary>
public sealed record TrendPanel(string Key, string Title, string Unit, string Color, bool Bars, double?[] Values, double Max)
{
    public string AxisLabel(double value) =>
        value.ToString(Max <= 10 && value % 1 != 0 ? "0.#" : "0", CultureInfo.InvariantCulture) + (Unit.Length == 0 ? "" : Unit == "%" ? "%" : " " + Unit);
}

/// <summary>
/// The /insights charts as small multiples over one shared x-axis: commits, coding hours, recovery and sleep, each on its
/// own scale (hours are not percentages). Over more than <see cref="DailyPointsUpTo"/> days each point is a week's average
/// (dated by its Monday), as on /whoop.
/// </summary>
public sealed record TrendPanels(IReadOnlyList<DateOnly> Points, bool ByWeek, IReadOnlyList<TrendPanel> Panels)
{
    public const int DailyPointsUpTo = 120;
    public const int MaxXLabels = 6;

    public static TrendPanels For(IReadOnlyList<InsightDay> days)
    {
        var byWeek = days.Count > DailyPointsUpTo;
        var groups = byWeek
            ? days.GroupBy(d => d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7))).Select(g => (g.Key, g.ToList())).ToList()
            : days.Select(d => (d.Date, new List<InsightDay> { d })).ToList();
        var points = groups.Select(g => g.Item1).ToList();

        double?[] Values(Func<InsightDay, double?> value) => groups
            .Select(g => g.Item2.Select(value).OfType<double>().ToList() is { Count: > 0 } present ? present.Average() : (double?)null)
            .ToArray();

        var commits = Values(d => d.Commits);
        var hours = Values(d => d.CodingHours);
        var recovery = Values(d => d.Recovery);
        var sleep = Values(d => d.SleepHours);
        return new TrendPanels(points, byWeek,
        [
            new("commits", byWeek ? "Commits per day (weekly average)" : "Commits", "", "#5e35b1", true, commits, NiceMax(commits, 4)),
            new("coding-hours", byWeek ? "Coding hours per day (weekly average)" : "Coding hours", "h", "#00897b", true, hours, NiceMax(hours, 2)),
            new("recovery", "Recovery", "%", RecoveryBands.GreenColor, false, recovery, 100),
            new("sleep", "Sleep", "h", "#1e88e5", false, sleep, NiceMax(sleep, 10)),
        ]);
    }

    /// <summary>Indexes of the points that get an x-axis label: at most <see cref="MaxXLabels"/>, evenly spread.</summary>
    public IEnumerable<int> LabelledPoints()
    {
        var step = Math.Max(1, (int)Math.Ceiling(Points.Count / (double)MaxXLabels));
        return Enumerable.Range(0, Points.Count).Where(i => i % step == 0);
    }

    // Never below floor, so a quiet range is not drawn as a busy one.
    private static double NiceMax(double?[] values, double floor) => ChartScale.NiceMax(values.OfType<double>().DefaultIfEmpty(0).Max(), floor);
}
