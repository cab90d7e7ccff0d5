namespace ProjectTracker.Web.Components.Charts;

public enum PlotKind
{
    /// <summary>One bar per column for each series, side by side.</summary>
    Bars,

    /// <summary>One bar per column, the series stacked bottom to top in their order.</summary>
    StackedBars,

    /// <summary>A line per series through the columns; a missing value breaks the line.</summary>
    Lines,
}
