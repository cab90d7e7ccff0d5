namespace ProjectTracker.Web.Components.Charts;

/// <summary>One series of a <see cref="Plot"/>: a value (or none) per column.</summary>
public sealed record PlotSeries(string Name, string Color, IReadOnlyList<double?> Values);
