namespace ProjectTracker.Web.Components.Charts;

/// <summary>One slice of a donut or one bar: what it is and how much.</summary>
public sealed record LabelledValue(string Label, double Value);
