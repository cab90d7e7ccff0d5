using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>
/// The insights scatter drawn as markup (<see cref="ScatterMarkup"/>): dots where their values put them (clamped to the
/// axes), the fitted line across the x-axis only when there is one, axis labels and the readout, text escaped.
/// </summary>
public sealed class ScatterMarkupTests
{
    private static readonly ScatterAxis Hours = new(0, 10, value => $"{value:0} h");
    private static readonly ScatterAxis Percent = new(0, 100, value => $"{value:0}%");

    [Fact]
    public void Draw_DotsWhereTheirValuesAre_ClampedToTheAxes_WithTheirTextEscaped()
    {
        var chart = Draw(new Scatter("late<nights", "Recovery <after> late nights", [new(5, 50, "5 h, 50%"), new(20, -10, "20 h & <0%")],
            new LineFit(2, 10, 5, 0.9), Hours, Percent, "#123456"));

        var dots = chart.QuerySelectorAll("path").Select(dot => (dot.GetAttribute("d"), dot.GetAttribute("data-tip"))).ToList();
        Assert.Equal([("M500 50 h0", "5 h, 50%"), ("M1000 100 h0", "20 h & <0%")], dots);
        Assert.All(chart.QuerySelectorAll("path"), dot => Assert.Equal("#123456", dot.GetAttribute("stroke")));
        var root = chart.QuerySelector("[data-tips]")!;
        Assert.Equal(("scatter-late<nights", "2"), (root.GetAttribute("data-testid"), root.GetAttribute("data-points")));
        Assert.Contains("Recovery <after> late nights", root.TextContent, StringComparison.Ordinal);
        Assert.Equal("20 h & <0%", chart.QuerySelector("[data-tips-readout]")!.TextContent);
    }

    [Fact]
    public void Draw_FittedLine_RunsFromTheAxisMinToItsMax()
    {
        // y = 10 + 5x: 10% at 0 h (90 down the 100-high plot), 60% at 10 h (40 down).
        var chart = Draw(new Scatter("k", "t", [new(1, 15, "a"), new(9, 55, "b")], new LineFit(2, 10, 5, 1), Hours, Percent, "red"));

        var fit = chart.QuerySelector("[data-testid=scatter-fit]")!;
        Assert.Equal(("0", "1000", "90", "40"), (fit.GetAttribute("x1"), fit.GetAttribute("x2"), fit.GetAttribute("y1"), fit.GetAttribute("y2")));
    }

    [Fact]
    public void Draw_AxisLabels_AtMinMiddleAndMax()
    {
        var chart = Draw(new Scatter("k", "t", [new(1, 15, "a")], new LineFit(1, null, null, null), Hours, Percent, "red"));

        var labels = chart.QuerySelectorAll("span").Select(span => span.TextContent).ToList();
        Assert.Equal(["100%", "50%", "0%", "0 h", "5 h", "10 h"], labels);
    }

    [Fact]
    public void Draw_NoPointsAndNoFit_DrawsNoDotsNoLine_AndAnEmptyReadout()
    {
        var chart = Draw(new Scatter("k", "t", [], new LineFit(0, null, null, null), Hours, Percent, "red"));

        Assert.Empty(chart.QuerySelectorAll("path"));
        Assert.Null(chart.QuerySelector("[data-testid=scatter-fit]"));
        Assert.Equal("0", chart.QuerySelector("[data-tips]")!.GetAttribute("data-points"));
        Assert.Equal("", chart.QuerySelector("[data-tips-readout]")!.TextContent);
    }

    private static IDocument Draw(Scatter scatter) => new HtmlParser().ParseDocument(ScatterMarkup.Draw(scatter).Value);
}
