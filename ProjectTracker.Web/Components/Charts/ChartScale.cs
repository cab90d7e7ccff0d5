namespace ProjectTracker.Web.Components.Charts;

public static class ChartScale
{
    /// <summary>A round top for an axis at or above <paramref name="max"/> (never below <paramref name="floor"/>): a multiple of 1, 2, 2.5 or 5 × 10ⁿ.</summary>
    public static double NiceMax(double max, double floor)
    {
        max = Math.Max(floor, max);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(s => s * magnitude).First(s => max / s <= 10);
        return Math.Ceiling(max / step) * step;
    }
}
