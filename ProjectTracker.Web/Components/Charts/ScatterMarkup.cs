using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>One point of a scatter: where it is, and what the readout says of it.</summary>
public sealed record ScatterPoint(double X, double Y, string Tip);

/// <summary>An axis of a scatter: its range and how a value on it is written.</summary>
public sealed record ScatterAxis(double Min, double Max, Func<double, string> Label);

/// <summary>A scatter with its fitted line, as <see cref="ScatterMarkup"/> draws it.</summary>
public sealed record Scatter(string Key, string Title, IReadOnlyList<ScatterPoint> Points, LineFit Fit, ScatterAxis X, ScatterAxis Y, string Color);

/// <summary>
/// Draws a <see cref="Scatter"/> the way <see cref="PlotMarkup"/> draws its charts: the marks in an SVG stretched to the
/// width, axis text in HTML so it stays readable on a phone, and the pointed-at point's text in one readout line
/// (js/readout.js, decision 0014). A point is a zero-length round-capped stroke, so it stays round however the SVG is
/// stretched.
/// </summary>
public static class ScatterMarkup
{
    private const int PlotHeight = 180;
    private const double Width = 1000, Height = 100;
    private const string Grid = "display: grid; grid-template-columns: 3.25rem minmax(0, 1fr); column-gap: 0.5rem;";

    public static MarkupString Draw(Scatter scatter)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div data-tips data-testid=\"scatter-{PlotMarkup.Encode(scatter.Key)}\" data-points=\"{scatter.Points.Count}\">");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"font-size: 0.8125rem; font-weight: 500; margin-bottom: 0.75rem;\">{PlotMarkup.Encode(scatter.Title)}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"{Grid}\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"mud-text-secondary\" style=\"position: relative; height: {PlotHeight}px; font-size: 0.75rem; text-align: right;\">");
        foreach (var (position, value) in new[] { ("top: -0.6em;", scatter.Y.Max), ("top: calc(50% - 0.6em);", (scatter.Y.Min + scatter.Y.Max) / 2), ("bottom: -0.6em;", scatter.Y.Min) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"position: absolute; right: 0; {position}\">{PlotMarkup.Encode(scatter.Y.Label(value))}</span>");
        }

        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" style=\"width: 100%; height: {PlotHeight}px; display: block; overflow: visible;\">");
        foreach (var y in new[] { 0, 50, 100 })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"0\" x2=\"{Width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"var(--mud-palette-lines-default)\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>");
        }

        Marks(html, scatter);
        html.Append("</svg></div>");
        XLabels(html, scatter.X);
        html.Append(PlotMarkup.Readout(scatter.Points.Count > 0 ? scatter.Points[^1].Tip : "", " mt-1"));
        html.Append("</div>");
        return new MarkupString(html.ToString());
    }

    /// <summary>A dot per point (its text for the readout), then the fitted line over the whole x-axis, dashed.</summary>
    private static void Marks(StringBuilder html, Scatter scatter)
    {
        foreach (var point in scatter.Points)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{F(X(scatter, point.X))} {F(Y(scatter, point.Y))} h0\" stroke=\"{scatter.Color}\" stroke-opacity=\"0.75\" stroke-width=\"8\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\" data-tip=\"{PlotMarkup.Encode(point.Tip)}\"/>");
        }

        if (scatter.Fit.At(scatter.X.Min) is { } from && scatter.Fit.At(scatter.X.Max) is { } to)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"0\" x2=\"{Width}\" y1=\"{F(Y(scatter, from))}\" y2=\"{F(Y(scatter, to))}\" stroke=\"var(--mud-palette-text-primary)\" stroke-width=\"2\" stroke-dasharray=\"6 4\" vector-effect=\"non-scaling-stroke\" data-testid=\"scatter-fit\"/>");
        }
    }

    private static void XLabels(StringBuilder html, ScatterAxis axis)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"{Grid}\"><div></div>");
        html.Append("<div class=\"mud-text-secondary\" style=\"position: relative; height: 1.25rem; font-size: 0.75rem;\">");
        foreach (var (percent, value) in new[] { (0, axis.Min), (50, (axis.Min + axis.Max) / 2), (100, axis.Max) })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<span style=\"position: absolute; left: {percent}%; transform: translateX(-{percent}%); white-space: nowrap;\">{PlotMarkup.Encode(axis.Label(value))}</span>");
        }

        html.Append("</div></div>");
    }

    private static double X(Scatter s, double x) => Math.Clamp((x - s.X.Min) / (s.X.Max - s.X.Min), 0, 1) * Width;

    private static double Y(Scatter s, double y) => Height - Math.Clamp((y - s.Y.Min) / (s.Y.Max - s.Y.Min), 0, 1) * Height;

    private static string F(double value) => PlotMarkup.F(value);
}
