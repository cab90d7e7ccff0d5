using System.Globalization;
using Bunit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>
/// The charts drawn as one piece of markup each (<see cref="PlotMarkup"/>): marks where the values put them, gaps kept,
/// text escaped, and one drawing per list of data however many pages show it.
/// </summary>
public sealed class PlotMarkupTests : IAsyncDisposable
{
    private readonly BunitContext _context = MudTestContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static WhoopDay Day(int day, double? hrv = null, double? strain = null) =>
        new(new DateOnly(2026, 3, day), null, hrv, null, strain, null, null);

    [Fact]
    public void Bars_HeightIsTheValueOverTheAxisMax()
    {
        var strain = _context.Render<DailyStrainChart>(p => p.Add(x => x.Days, [Day(1, strain: 21), Day(2, strain: 10.5)]));

        var bars = strain.FindAll("rect[data-series]").Select(b => (Y: Number(b, "y"), Height: Number(b, "height"))).ToList();
        Assert.Equal([(0.0, 100.0), (50.0, 50.0)], bars);
        Assert.Equal("2", strain.Find("[data-testid=chart-strain]").GetAttribute("data-points"));
    }

    [Fact]
    public void Lines_ADayWithoutAValueBreaksTheLine()
    {
        var chart = _context.Render<HrvRestingHeartRateChart>(p => p.Add(x => x.Days,
            [Day(1, hrv: 50), Day(2, hrv: 60), new WhoopDay(new DateOnly(2026, 3, 3), null, null, 55, null, null, null), Day(4, hrv: 40)]));

        var hrv = chart.FindAll("path")[0].GetAttribute("d")!;
        Assert.Equal(2, hrv.Count(c => c == 'M')); // days 1–2, then day 4 on its own
        Assert.Contains("Tue 3 Mar 2026: HRV not measured, resting heart rate 55 bpm", chart.Find("[data-testid=chart-hrv-rhr]").TextContent);
    }

    [Fact]
    public void SameData_OneDrawingForEveryPage()
    {
        var drawings = new DerivedData();
        IReadOnlyList<WhoopDay> days = [Day(1, strain: 5)];
        var draws = 0;
        Plot Plot(IReadOnlyList<WhoopDay> d)
        {
            draws++;
            return new Plot(PlotKind.Bars, ["1 Mar"], ["one"], [new PlotSeries("Strain", "#000", [5])], 21);
        }

        var first = PlotMarkup.Shared(drawings, days, Plot);
        var second = PlotMarkup.Shared(drawings, days, Plot);
        PlotMarkup.Shared<IReadOnlyList<WhoopDay>>(drawings, [Day(1, strain: 5)], Plot); // equal data, another list: drawn for it

        Assert.Same(first, second);
        Assert.Equal(2, draws);
    }

    [Fact]
    public void Text_IsEscaped()
    {
        var ranked = _context.Render<RankedBarChart>(p => p
            .Add(x => x.Title, "Top")
            .Add(x => x.SeriesName, "Commits")
            .Add(x => x.Bars, [new LabelledValue("<script>alert(1)</script>", 3)]));

        Assert.Empty(ranked.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", ranked.Find("figure").TextContent);
    }

    [Fact]
    public void Donut_SlicesGoRoundOnce()
    {
        var donut = _context.Render<ShareDonutChart>(p => p
            .Add(x => x.Title, "Languages")
            .Add(x => x.MaxSlices, 3)
            .Add(x => x.Slices, [new("C#", 5), new("Go", 3), new("Rust", 1), new("Zig", 1)]));

        var lengths = donut.FindAll("circle").Select(c => double.Parse(c.GetAttribute("stroke-dasharray")!.Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, lengths.Count); // C#, Go, and Other (Rust + Zig)
        Assert.Equal(2 * Math.PI * 40, lengths.Sum(), 1);
        Assert.Contains("Other", donut.Find("table").TextContent);
    }

    [Fact]
    public void CommitActivity_EveryWeekAPointAndTheBusyWeeksInTheTable()
    {
        var chart = _context.Render<CommitActivityChart>(p => p
            .Add(x => x.Title, "Commits")
            .Add(x => x.Weeks, [new WeeklyCommitCount(new DateOnly(2026, 1, 5), 4), new(new DateOnly(2026, 1, 12), 0), new(new DateOnly(2026, 1, 19), 2)]));

        Assert.Equal(2, chart.FindAll("path")[0].GetAttribute("d")!.Count(c => c == 'L'));
        Assert.Equal(2, chart.FindAll("tbody tr").Count);
        Assert.Equal(3, chart.FindAll("svg rect[fill=transparent]").Count);
    }

    [Fact]
    public void Columns_CarryTheirValuesForTheReadout_WhichOpensOnTheNewest()
    {
        var strain = _context.Render<DailyStrainChart>(p => p.Add(x => x.Days, [Day(1, strain: 21), Day(2, strain: 10.5)]));

        var tips = strain.FindAll("[data-tips] svg rect[data-tip]").Select(c => c.GetAttribute("data-tip")).ToList();
        Assert.Equal(2, tips.Count);
        Assert.Contains("10.5", tips[1]);
        Assert.Empty(strain.FindAll("svg title")); // no element per column beyond its target
        Assert.Equal(tips[1], strain.Find("[data-tips] [data-tips-readout]").TextContent);
    }

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
