using Bunit;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Web.Components.Activity;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>The calendar drawn as one piece of markup: each day in its week column and weekday row, with its tooltip.</summary>
public sealed class ActivityHeatmapTests : IAsyncDisposable
{
    private readonly BunitContext _context = MudTestContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    // Wednesday 2026-04-01 to Tuesday 2026-04-07; commits on the 1st (3) and the 5th, a Sunday (1).
    private static readonly ActivityCalendar Week = new(
        [.. Enumerable.Range(0, 7).Select(i => new ActivityDay(new DateOnly(2026, 4, 1).AddDays(i), i switch { 0 => 3, 4 => 1, _ => 0 }, i == 0 ? 90 : 0))],
        CurrentStreak: 0, LongestStreak: 1, TotalCommits: 4);

    private IRenderedComponent<ActivityHeatmap> Render(DayOfWeek firstDay) => _context.Render<ActivityHeatmap>(p => p
        .Add(x => x.Calendar, Week).Add(x => x.Title, "Commits <per day>").Add(x => x.FirstDayOfWeek, firstDay));

    [Theory]
    [InlineData(DayOfWeek.Monday, 2, 6)] // Wednesday is the third row; Sunday the last of the same week
    [InlineData(DayOfWeek.Sunday, 3, 0)] // Wednesday the fourth row; Sunday starts the next week
    public void Render_Days_EachInItsWeekdayRowWithItsTooltip(DayOfWeek firstDay, int wednesdayRow, int sundayRow)
    {
        var heatmap = Render(firstDay);

        var first = heatmap.Find("rect[data-date='2026-04-01']");
        var sunday = heatmap.Find("rect[data-date='2026-04-05']");
        Assert.Equal((16 + wednesdayRow * 14).ToString(), first.GetAttribute("y"));
        Assert.Equal((16 + sundayRow * 14).ToString(), sunday.GetAttribute("y"));
        Assert.Equal(firstDay == DayOfWeek.Sunday ? "42" : "28", sunday.GetAttribute("x"));
        Assert.Equal("Wed 1 Apr 2026: 3 commits, 1.5 h", first.QuerySelector("title")!.TextContent);
        Assert.NotEqual("0", first.GetAttribute("data-level"));
        Assert.Equal("0", heatmap.Find("rect[data-date='2026-04-02']").GetAttribute("data-level"));
        Assert.Equal(7, heatmap.FindAll("rect[data-date]").Count);
        Assert.Equal(["2026-04-01", "2026-04-05"], heatmap.FindAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Contains("Commits &lt;per day&gt;: days with commits", heatmap.Markup);
    }
}
