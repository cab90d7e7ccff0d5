using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Components.Charts;

/// <summary>
/// Draws a <see cref="Plot"/> as one piece of markup, the way the timesheet and insights charts are drawn: the marks in
/// an SVG stretched to the width, the axis text and legend in HTML so they stay readable on a phone. One string instead
/// of a chart component's tree: a circuit holds a single frame for it, and the drawing of shared data is made once
/// (<see cref="Shared{TKey}"/>) for every open page.
/// </summary>
public static class PlotMarkup
{
    private const int PlotHeight = 220;
    private const double Width = 1000, Height = 100;
    private const string Grid = "display: grid; grid-template-columns: 3.25rem minmax(0, 1fr); column-gap: 0.5rem;";

    /// <summary>
    /// The drawing of <paramref name="data"/> by <paramref name="plot"/>, kept in <paramref name="derived"/> (the snapshot the
    /// data comes from, which never modifies it) when there is one, else made for the caller.
    /// </summary>
    public static PlotDrawing Shared<TData>(DerivedData? derived, TData data, Func<TData, Plot> plot)
        where TData : class =>
        DerivedData.Of(derived, (plot.Method, data), () => Draw(plot(data)));

    /// <summary>The chart, and its columns' readouts as list items (what screen readers get instead of the picture).</summary>
    public static PlotDrawing Draw(Plot plot) => new(Chart(plot), Items(plot.Tooltips));

    /// <summary>One <c>&lt;li&gt;</c> per line.</summary>
    private static MarkupString Items(IEnumerable<string> lines)
    {
        var html = new StringBuilder();
        foreach (var line in lines)
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>");
        }

        return new MarkupString(html.ToString());
    }

    private static MarkupString Chart(Plot plot)
    {
        var html = new StringBuilder();
        var step = Width / Math.Max(1, plot.Labels.Count);
        html.Append("<div data-tips>");
        // Room above for the top axis label, as padding: a margin collapsed out of the frame that clips the chart, and the
        // label was cut in half under the chart's title.
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"{Grid} padding-top: 0.75rem; margin-bottom: 0.5rem;\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"mud-text-secondary\" style=\"position: relative; height: {PlotHeight}px; font-size: 0.75rem; text-align: right;\">");
        AxisLabel(html, "top: -0.6em;", plot.Max, plot.Unit);
        AxisLabel(html, "top: calc(50% - 0.6em);", plot.Max / 2, plot.Unit);
        AxisLabel(html, "bottom: -0.6em;", 0, plot.Unit);
        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" style=\"width: 100%; height: {PlotHeight}px; display: block;\">");
        foreach (var y in new[] { 0, 50, 100 })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"0\" x2=\"{Width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"var(--mud-palette-lines-default)\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>");
        }

        foreach (var column in plot.Marked ?? [])
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(column * step)}\" width=\"{F(step)}\" y=\"0\" height=\"{Height}\" fill=\"{Plot.MarkColor}\" data-marked=\"{column}\"/>");
        }

        if (plot.Kind == PlotKind.Lines)
        {
            Lines(html, plot, step);
        }
        else
        {
            Bars(html, plot, step);
        }

        // A column-wide target per column on top: pointing anywhere over a day, or tapping it, shows all its values in
        // the readout below (js/readout.js).
        for (var i = 0; i < plot.Tooltips.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(i * step)}\" width=\"{F(step)}\" y=\"0\" height=\"{Height}\" fill=\"transparent\" data-tip=\"{Encode(plot.Tooltips[i])}\"></rect>");
        }

        html.Append("</svg></div>");
        XLabels(html, plot.Labels, step);
        // Opens on the newest column, so it is never empty and nothing moves when a column is pointed at.
        html.Append(Readout(plot.Tooltips.Count > 0 ? plot.Tooltips[^1] : "", " mt-1"));
        if (plot.Legend)
        {
            var marks = plot.Marked is { Count: > 0 } ? [(plot.MarkedName, Plot.MarkColor)] : Array.Empty<(string, string)>();
            html.Append(Legend(plot.Series.Select(s => (s.Name, s.Color)).Concat(marks)).Value);
        }

        html.Append("</div>");
        return new MarkupString(html.ToString());
    }

    /// <summary>Colour swatches with names, as every chart's legend.</summary>
    public static MarkupString Legend(IEnumerable<(string Name, string Color)> entries)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"d-flex flex-wrap gap-3 mt-2\" style=\"font-size: 0.8125rem;\">");
        foreach (var (name, color) in entries)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<span style=\"display: inline-flex; align-items: center; gap: 4px; min-width: 0; overflow-wrap: anywhere;\"><span style=\"width: 10px; height: 10px; border-radius: 2px; flex: none; background: {color};\"></span>{Encode(name)}</span>");
        }

        html.Append("</div>");
        return new MarkupString(html.ToString());
    }

    /// <summary>
    /// The line js/readout.js writes a pointed-at mark's <c>data-tip</c> into, within the same <c>[data-tips]</c> block; it
    /// opens on <paramref name="tip"/> (the newest mark's).
    /// </summary>
    public static string Readout(string tip, string extraClasses = "", string? testId = null) =>
        $"<p class=\"mud-typography mud-typography-caption{extraClasses}\" data-tips-readout{(testId is null ? "" : $" data-testid=\"{Encode(testId)}-readout\"")}>{Encode(tip)}</p>";

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Bars(StringBuilder html, Plot plot, double step)
    {
        var stacked = plot.Kind == PlotKind.StackedBars;
        var slots = stacked ? 1 : Math.Max(1, plot.Series.Count);
        var barWidth = step * 0.7 / slots;
        for (var i = 0; i < plot.Labels.Count; i++)
        {
            var bottom = 0.0;
            for (var s = 0; s < plot.Series.Count; s++)
            {
                if (plot.Series[s].Values[i] is not { } value || value <= 0)
                {
                    continue;
                }

                var x = i * step + step * 0.15 + (stacked ? 0 : s * barWidth);
                var top = stacked ? bottom + value : value;
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(x)}\" width=\"{F(barWidth)}\" y=\"{F(Y(top, plot.Max))}\" height=\"{F(Y(stacked ? bottom : 0, plot.Max) - Y(top, plot.Max))}\" fill=\"{plot.Series[s].Color}\" data-series=\"{s}\"/>");
                bottom = stacked ? top : 0;
            }
        }
    }

    private static void Lines(StringBuilder html, Plot plot, double step)
    {
        foreach (var series in plot.Series)
        {
            var path = new StringBuilder();
            var drawing = false;
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is not { } value)
                {
                    drawing = false; // a day without a value breaks the line rather than bridging it
                    continue;
                }

                path.Append(drawing ? " L" : " M").Append(F((i + 0.5) * step)).Append(' ').Append(F(Y(value, plot.Max)));
                drawing = true;
            }

            html.Append(CultureInfo.InvariantCulture,
                $"<path d=\"{path.ToString().TrimStart()}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\" stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\"/>");
        }
    }

    // Blank labels are skipped: the caller writes only every few columns' (DayLabels), or they would overlap on a phone.
    private static void XLabels(StringBuilder html, IReadOnlyList<string> labels, double step)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"{Grid}\"><div></div>");
        html.Append("<div class=\"mud-text-secondary\" style=\"position: relative; height: 1.25rem; font-size: 0.75rem;\">");
        var written = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Length == 0)
            {
                continue;
            }

            // Every other label is left out on a phone (app.css), where eight would overlap.
            var alternate = written++ % 2 == 1 ? " class=\"pt-x-label-alt\"" : "";
            var percent = F((i + 0.5) * step / 10);
            html.Append(CultureInfo.InvariantCulture,
                $"<span{alternate} style=\"position: absolute; left: {percent}%; transform: translateX(-{percent}%); white-space: nowrap;\">{Encode(labels[i])}</span>");
        }

        html.Append("</div></div>");
    }

    private static void AxisLabel(StringBuilder html, string position, double value, string unit) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<span style=\"position: absolute; right: 0; {position}\">{value.ToString("0.#", CultureInfo.InvariantCulture)}{Encode(unit)}</span>");

    private static double Y(double value, double max) => Height - Math.Clamp(value / max, 0, 1) * Height;
}
