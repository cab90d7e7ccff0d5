using System.Globalization;
using Bunit;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Tests.Components;

public sealed class RecoveryTrendChartTests : IAsyncDisposable
{
    private readonly BunitContext _context = MudTestContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static WhoopDay Day(int day, double? recovery) =>
        new(new DateOnly(2026, 3, day), recovery, null, null, null, null, null);

    [Fact]
    public void Split_Scores_LandInTheirBandOnly()
    {
        var bands = RecoveryBands.Split([67, 66, 34, 33, 100, 0]);

        Assert.Equal([67, 0, 0, 0, 100, 0], bands[0]);
        Assert.Equal([0, 66, 34, 0, 0, 0], bands[1]);
        Assert.Equal([0, 0, 0, 33, 0, 0], bands[2]);
    }

    [Fact]
    public void Render_Days_ColoursEachBarByItsBand()
    {
        var chart = _context.Render<RecoveryTrendChart>(p => p.Add(x => x.Days, [Day(1, 80), Day(2, 50), Day(3, 20), Day(4, 67)]));

        // Bars left to right (by their x position), one per day.
        var fills = chart.FindAll("rect[data-series]")
            .OrderBy(bar => double.Parse(bar.GetAttribute("x")!, CultureInfo.InvariantCulture))
            .Select(bar => bar.GetAttribute("fill"))
            .ToList();
        Assert.Equal([RecoveryBands.GreenColor, RecoveryBands.YellowColor, RecoveryBands.RedColor, RecoveryBands.GreenColor], fills);
    }

    [Fact]
    public void Render_DaysWithoutRecovery_AreNotPointsAndAreSummarised()
    {
        var chart = _context.Render<RecoveryTrendChart>(p => p.Add(x => x.Days, [Day(1, 80), Day(2, null), Day(3, 20)]));

        var panel = chart.Find("[data-testid=chart-recovery]");
        Assert.Equal("2", panel.GetAttribute("data-points"));
        Assert.Contains("Tue 3 Mar 2026: 20% (red)", panel.TextContent);
        Assert.Equal("Recovery", panel.GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_NoDays_ShowsTheEmptyState()
    {
        var chart = _context.Render<RecoveryTrendChart>(p => p.Add(x => x.Days, []));

        Assert.Equal("0", chart.Find("[data-testid=chart-recovery]").GetAttribute("data-points"));
        Assert.Contains("Connect WHOOP and refresh", chart.Find("[data-testid=chart-recovery]").TextContent);
        Assert.Empty(chart.FindAll("rect[data-series]"));
    }
}
