namespace ProjectTracker.Web.Components.Charts;

/// <summary>
/// A chart over columns (days, weeks) as <see cref="PlotMarkup"/> draws it: the columns' short labels under the axis,
/// a tooltip per column, the series, and the value axis from 0 to <see cref="Max"/>. <see cref="Marked"/> columns get a
/// shaded background (flagged days), named in the legend by <see cref="MarkedName"/>.
/// </summary>
public sealed record Plot(
    PlotKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Tooltips,
    IReadOnlyList<PlotSeries> Series,
    double Max,
    string Unit = "",
    bool Legend = true,
    IReadOnlyList<int>? Marked = null,
    string MarkedName = "")
{
    /// <summary>The shade of a marked column: red, light enough that the lines stay visible over it in light and dark.</summary>
    public const string MarkColor = "rgba(229, 57, 53, 0.22)";
}
