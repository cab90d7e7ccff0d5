namespace ProjectTracker.Web.Components.Charts;

/// <summary>Shades for a calendar: 0 for no commits, then 1–4 by the quartiles of the days with commits (as GitHub does).</summary>
public static class HeatmapLevels
{
    public static Func<int, int> For(IReadOnlyList<int> commitsPerDay)
    {
        var active = commitsPerDay.Where(c => c > 0).Order().ToArray();
        if (active.Length == 0)
        {
            return _ => 0;
        }

        int Quartile(double q) => active[(int)Math.Floor(q * (active.Length - 1))];
        var (q1, q2, q3) = (Quartile(0.25), Quartile(0.5), Quartile(0.75));
        return commits => commits <= 0 ? 0 : commits <= q1 ? 1 : commits <= q2 ? 2 : commits <= q3 ? 3 : 4;
    }

    /// <summary>"Less", the five shades in squares of <paramref name="size"/> px, "More" (shaded through .pt-heatmap).</summary>
    public static string Legend(int size) => string.Concat(
        "<div class=\"d-flex flex-row align-center gap-1\"><span class=\"mud-typography mud-typography-caption\">Less</span>",
        string.Concat(Enumerable.Range(0, 5).Select(level =>
            $"<svg class=\"pt-heatmap\" width=\"{size}\" height=\"{size}\" aria-hidden=\"true\"><rect width=\"{size}\" height=\"{size}\" rx=\"2\" data-level=\"{level}\"></rect></svg>")),
        "<span class=\"mud-typography mud-typography-caption\">More</span></div>");
}
