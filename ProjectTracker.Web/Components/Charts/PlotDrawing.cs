using Microsoft.AspNetCore.Components;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>A <see cref="Plot"/> drawn: the chart's markup, and its columns' readouts as list items.</summary>
public sealed record PlotDrawing(MarkupString Chart, MarkupString Items);
