namespace ProjectTracker.Web.Components.Charts;

/// <summary>
/// A chart over columns (days, weeks) as <see cref="PlotMarkup"/> draws it: the columns' short labels under the axis,
/// a tooltip per column, the series, and the value axis from 0 to <see cref="Max"/>.
/// </summary>
public sealed record Plot(
    PlotKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Tooltips,
    IReadOnlyList<PlotSeries> Series,
    double Max,
    string Unit = "",
    bool Legend = true);
