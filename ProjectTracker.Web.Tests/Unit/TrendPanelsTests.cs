using ProjectTracker.Domain.Insights;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class TrendPanelsTests
{
    private static List<InsightDay> Days(int count) => Enumerable.Range(0, count)
        .Select(i => new InsightDay(new DateOnly(2025, 3, 17).AddDays(i), i % 7, i % 2 == 0 ? 60 : null, 7, CodingHours: 1.5)).ToList();

    [Fact]
    public void For_120Days_DrawsEveryDay() => Assert.Equal(120, TrendPanels.For(Days(120)).Points.Count);

    [Fact]
    public void For_365Days_DrawsWeeklyAveragesDatedByMonday()
    {
        var model = TrendPanels.For(Days(365)); // from Monday 17 March 2025

        Assert.True(model.ByWeek);
        Assert.Equal(53, model.Points.Count);
        Assert.All(model.Points, p => Assert.Equal(DayOfWeek.Monday, p.DayOfWeek));
        var commits = model.Panels.Single(p => p.Key == "commits");
        Assert.Equal(3.0, commits.Values[0]); // (0 + 1 + … + 6) / 7
        Assert.Equal(60, model.Panels.Single(p => p.Key == "recovery").Values[0]); // the mean of the days measured
    }

    [Fact]
    public void For_Panels_PutPercentagesAndHoursOnTheirOwnScales()
    {
        var panels = TrendPanels.For(Days(30)).Panels;

        Assert.Equal(100, panels.Single(p => p.Key == "recovery").Max);
        Assert.Equal("100%", panels.Single(p => p.Key == "recovery").AxisLabel(100));
        Assert.Equal(10, panels.Single(p => p.Key == "sleep").Max);
        Assert.Equal("5 h", panels.Single(p => p.Key == "sleep").AxisLabel(5));
    }

    [Theory]
    [InlineData(720, 1, 800)]
    [InlineData(7.3, 10, 10)]
    [InlineData(23, 1, 30)]
    [InlineData(0, 4, 4)]
    public void NiceMax_RoundsUpToAReadableTop(double max, double floor, double expected) =>
        Assert.Equal(expected, ChartScale.NiceMax(max, floor));

    [Fact]
    public void HeatmapLevels_ByQuartilesOfActiveDays()
    {
        var level = HeatmapLevels.For([0, 1, 2, 3, 4, 8, 0]);

        Assert.Equal([0, 1, 2, 3, 4], new[] { 0, 1, 3, 4, 8 }.Select(level));
    }
}
