using Bunit;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Web.GitHub.Components;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>The calendar drawn as one piece of markup: each day in its week column and weekday row, with its readout text.</summary>
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
        Assert.Equal("Wed 1 Apr 2026: 3 commits, 1.5 h", first.GetAttribute("data-tip"));
        Assert.Equal("Tue 7 Apr 2026: 0 commits, 0.0 h", heatmap.Find("[data-testid=activity-heatmap-readout]").TextContent);
        Assert.NotEqual("0", first.GetAttribute("data-level"));
        Assert.Equal("0", heatmap.Find("rect[data-date='2026-04-02']").GetAttribute("data-level"));
        Assert.Equal(7, heatmap.FindAll("rect[data-date]").Count);
        Assert.Equal(["April 2026", "4", "2", "1.5"], heatmap.FindAll("tbody tr > *").Select(cell => cell.TextContent));
        Assert.Contains("Commits &lt;per day&gt;, by month", heatmap.Markup);
    }

    [Fact]
    public void Render_Table_SumsEachMonthOfTheRange()
    {
        // 2026-01-30 to 2026-03-02: two days of January, all of February, two of March; a commit on every third day.
        var days = Enumerable.Range(0, 32).Select(i => new ActivityDay(new DateOnly(2026, 1, 30).AddDays(i), i % 3 == 0 ? 2 : 0, i % 3 == 0 ? 30 : 0)).ToList();
        var calendar = new ActivityCalendar(days, CurrentStreak: 0, LongestStreak: 1, TotalCommits: days.Sum(d => d.Commits));

        var heatmap = _context.Render<ActivityHeatmap>(p => p.Add(x => x.Calendar, calendar).Add(x => x.Title, "Commits"));

        var rows = heatmap.FindAll("tbody tr").Select(row => string.Join("|", row.Children.Select(cell => cell.TextContent))).ToList();
        // Days 0, 3, ... 30: January 30th; February 2nd, 5th, ... 26th (9 days); March 1st.
        Assert.Equal(["January 2026|2|1|0.5", "February 2026|18|9|4.5", "March 2026|2|1|0.5"], rows);
        Assert.Equal(32, heatmap.FindAll("rect[data-date]").Count);
    }
}
