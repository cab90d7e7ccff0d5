using System.Globalization;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>X-axis labels for daily charts: every day would overlap past a few weeks, so only some are written.</summary>
public static class DayLabels
{
    public const int MaxLabels = 8;

    public static string[] For(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxLabels));
        return days.Select((day, index) => index % step == 0 ? Short(day) : "").ToArray();
    }

    public static string Short(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Long(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
