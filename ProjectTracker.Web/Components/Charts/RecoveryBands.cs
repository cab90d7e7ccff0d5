using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>WHOOP's recovery colours, and a day's score split into one series per band so each bar takes its band's colour.</summary>
public static class RecoveryBands
{
    public const string GreenColor = "#2e7d32";
    public const string YellowColor = "#f9a825";
    public const string RedColor = "#c62828";

    /// <summary>Series order in the chart: green, yellow, red (the palette follows it).</summary>
    public static readonly string[] Bands = [RecoveryStatus.Green, RecoveryStatus.Yellow, RecoveryStatus.Red];
    public static readonly string[] Palette = [GreenColor, YellowColor, RedColor];
    public static readonly string[] Names = ["Green (67–100%)", "Yellow (34–66%)", "Red (0–33%)"];

    /// <summary>
    /// Three series over the same days: each day's score sits in its band's series and is 0 in the other two, so a stacked
    /// chart shows one bar per day in the band's colour.
    /// </summary>
    public static double[][] Split(IReadOnlyList<double> scores) =>
        Bands.Select(band => scores.Select(score => RecoveryStatus.Of(score) == band ? score : 0).ToArray()).ToArray();
}
