using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// The timesheet, the activity calendars, the downloads and the /insights charts on the demo's data, at desktop
/// (1366×900) and phone (390×844) width.
/// </summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class ActivityPagesTests(DemoBrowserApp app, ITestOutputHelper output)
{
    public static TheoryData<string> Widths => ["desktop", "phone"];

    private Task<BrowserSession> OpenAsync(string width, string test) =>
        app.OpenPageAsync(output, $"{nameof(ActivityPagesTests)}.{test}.{width}", width == "phone" ? Viewports.Phone : Viewports.Desktop);

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Timesheet_Demo_ShowsProjectsByPeriodWithTotalsAChartAndADownload(string width)
    {
        await using var session = await OpenAsync(width, "timesheet");
        var page = session.Page;
        await session.OpenAsync("/timesheet?days=90&group=month", "months");

        if (width == "phone")
        {
            // A list instead of the matrix: each project opens to its periods.
            await Assertions.Expect(page.GetByTestId("timesheet-table-scroll")).ToBeHiddenAsync();
            var first = page.GetByTestId("timesheet-list-item").First;
            await first.Locator("summary").ClickAsync();
            await Assertions.Expect(first.Locator("tr").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("timesheet-list-totals")).ToContainTextAsync(" h · ");
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("timesheet-list")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("timesheet-row").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("timesheet-totals")).ToBeVisibleAsync();
        }

        Assert.InRange(int.Parse((await page.GetByTestId("chart-timesheet").GetAttributeAsync("data-points"))!), 3, 4);
        var href = await page.GetByTestId("download-timesheet").GetAttributeAsync("href");
        Assert.Contains("/api/export/timesheet.csv?", href);
        Assert.Contains("group=month", href);
        var csv = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("project,full_name,period_start,hours,commits,sessions\r\n", await csv.TextAsync());

        await AssertPunchcardAsync(session, width);

        await page.GetByTestId("group-week").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=chart-timesheet]')?.dataset.points) >= 13");
        // The demo's coding goal: the weeks that met it are named above the table, and their columns marked in it.
        await Assertions.Expect(page.GetByTestId("timesheet-goal-weeks")).ToContainTextAsync($"Coding goal of {ProjectTracker.Web.Demo.DemoOptions.Goals.WeeklyCodingHours} h a week met in ");
        if (width == "desktop")
        {
            Assert.True(await page.GetByTestId("timesheet-goal-met").CountAsync() > 0, "the demo meets its coding goal in some of 14 weeks");
        }
        await AssertFitsAsync(page, "timesheet");
        session.AssertNoErrors();
    }

    /// <summary>
    /// The hour-of-the-week heatmap: 168 hours, a row per weekday on a desktop and a column per weekday on a phone, the
    /// demo's evenings shaded, a readout that follows the pointer, and its CSV for the same days.
    /// </summary>
    private static async Task AssertPunchcardAsync(BrowserSession session, string width)
    {
        var page = session.Page;
        var punchcard = page.GetByTestId("chart-punchcard");
        await Assertions.Expect(punchcard).ToHaveAttributeAsync("data-points", "168");
        var (shown, hidden) = width == "phone" ? ("narrow", "wide") : ("wide", "narrow");
        await Assertions.Expect(page.GetByTestId($"chart-punchcard-{hidden}")).ToBeHiddenAsync();
        var grid = page.GetByTestId($"chart-punchcard-{shown}");
        await Assertions.Expect(grid).ToBeVisibleAsync();
        var cells = grid.Locator("rect[data-hour]");
        Assert.Equal(168, await cells.CountAsync());
        Assert.True(await grid.Locator("rect[data-hour]:not([data-level='0'])").CountAsync() > 20, "the demo codes at many hours of the week");
        var box = (await cells.First.BoundingBoxAsync())!;
        Assert.True(box.Width >= 10 && box.Height >= 10, $"an hour's square is {box.Width}×{box.Height} px");
        var evening = grid.Locator("rect[data-weekday='2'][data-hour='21']");
        await evening.HoverAsync();
        await Assertions.Expect(page.GetByTestId("chart-punchcard-readout")).ToHaveTextAsync((await evening.GetAttributeAsync("data-tip"))!);
        Assert.Matches(@"^Wed 21:00–22:00: \d+\.\d h, \d+ commits?$", await page.GetByTestId("chart-punchcard-readout").TextContentAsync());

        var href = await page.GetByTestId("download-punchcard").GetAttributeAsync("href");
        Assert.Matches(@"^/api/export/punchcard\.csv\?start_date=\d{4}-\d{2}-\d{2}&end_date=\d{4}-\d{2}-\d{2}$", href);
        var csv = await (await page.APIRequest.GetAsync(href!)).TextAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("weekday,hour,commits,coding_hours", lines[0]);
        Assert.Equal(169, lines.Length);
        await session.ScreenshotAsync("punchcard");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task GitHub_Demo_ShowsAYearCalendarWithStreaksAndDownloads(string width)
    {
        await using var session = await OpenAsync(width, "github");
        var page = session.Page;
        await session.OpenAsync("/github", "calendar");

        var heatmap = page.GetByTestId("activity-heatmap");
        await Assertions.Expect(heatmap).ToHaveAttributeAsync("data-points", "365");
        Assert.True(await heatmap.Locator("rect[data-level]:not([data-level='0'])").CountAsync() > 30, "a demo year has many days with commits");
        await Assertions.Expect(page.GetByTestId("activity-heatmap-longest-streak")).ToContainTextAsync("longest streak");
        // The readout opens on the newest day and follows the pointer, or a tap, to any other.
        var days = heatmap.Locator("rect[data-date]");
        var readout = page.GetByTestId("activity-heatmap-readout");
        await Assertions.Expect(readout).ToHaveTextAsync((await days.Last.GetAttributeAsync("data-tip"))!);
        var weekBefore = days.Nth(365 - 8);
        await weekBefore.HoverAsync();
        await Assertions.Expect(readout).ToHaveTextAsync((await weekBefore.GetAttributeAsync("data-tip"))!);
        var dayBefore = days.Nth(365 - 2);
        await dayBefore.ClickAsync();
        await Assertions.Expect(readout).ToHaveTextAsync((await dayBefore.GetAttributeAsync("data-tip"))!);
        Assert.Matches(@"^\w{3} \d{1,2} \w{3} \d{4}: \d+ commits?, \d+\.\d h$", await readout.TextContentAsync());
        Assert.Equal("/api/export/projects.csv", await page.GetByTestId("download-projects").GetAttributeAsync("href"));

        // The streak rules of /api/github/activity: weekly counts weeks; each streak names its first and last active day.
        var longest = page.GetByTestId("activity-heatmap-longest-streak");
        Assert.Matches(@"^\d+ days? longest streak \(\w{3} \d{1,2} \w{3} \d{4}( – \w{3} \d{1,2} \w{3} \d{4})?\)$", await longest.TextContentAsync());
        await page.GetByTestId("activity-heatmap-streak-weekly").ClickAsync();
        await Assertions.Expect(page.GetByTestId("activity-heatmap-streak-weekly")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(longest).ToContainTextAsync("longest streak (");
        Assert.Matches(@"^\d+ weeks? longest streak", await longest.TextContentAsync());
        var rest = page.GetByTestId("activity-heatmap-streak-rest");
        await rest.ClickAsync();
        await Assertions.Expect(rest).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("activity-heatmap-streak-weekdays").ClickAsync();
        await Assertions.Expect(longest).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ days? longest streak \("));
        await session.ScreenshotAsync("streak-choices");
        await AssertFitsAsync(page, "github");
        session.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Project_Demo_ShowsItsCalendarAndHoursPerWeek(string width)
    {
        await using var session = await OpenAsync(width, "project");
        var page = session.Page;
        await session.OpenAsync("/github/" + Uri.EscapeDataString(app.Projects[0]), "project");

        await Assertions.Expect(page.GetByTestId("activity-heatmap")).ToHaveAttributeAsync("data-points", "365");
        Assert.InRange(int.Parse((await page.GetByTestId("chart-project-hours").GetAttributeAsync("data-points"))!), 53, 54);
        await AssertFitsAsync(page, "project");
        session.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Whoop_Demo_OffersEachDatasetForTheShownRange(string width)
    {
        await using var session = await OpenAsync(width, "whoop");
        var page = session.Page;
        await session.OpenAsync("/whoop?days=7", "downloads");

        foreach (var dataset in new[] { "recovery", "sleep", "workouts", "cycles" })
        {
            var href = await page.GetByTestId($"download-{dataset}").GetAttributeAsync("href");
            Assert.Matches($"^/api/export/{dataset}\\.csv\\?start_date=\\d{{4}}-\\d{{2}}-\\d{{2}}&end_date=\\d{{4}}-\\d{{2}}-\\d{{2}}$", href);
        }

        var recovery = await page.APIRequest.GetAsync((await page.GetByTestId("download-recovery").GetAttributeAsync("href"))!);
        Assert.Equal("text/csv; charset=utf-8", recovery.Headers["content-type"]);
        Assert.Contains("attachment; filename=\"recovery-", recovery.Headers["content-disposition"]);

        // Each chart's readout follows the pointer, or a tap, from the newest day to the one pointed at.
        var strain = page.GetByTestId("chart-strain");
        var columns = strain.Locator("rect[data-tip]");
        var readout = strain.Locator("[data-tips-readout]");
        await Assertions.Expect(readout).ToHaveTextAsync((await columns.Last.GetAttributeAsync("data-tip"))!);
        await columns.First.HoverAsync();
        await Assertions.Expect(readout).ToHaveTextAsync((await columns.First.GetAttributeAsync("data-tip"))!);
        await columns.Nth(3).ClickAsync();
        await Assertions.Expect(readout).ToHaveTextAsync((await columns.Nth(3).GetAttributeAsync("data-tip"))!);
        await AssertFitsAsync(page, "whoop");
        session.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Insights_Demo_PanelsShareOneXAxisWithReadableLabelsAndWeeklyPointsOverAYear(string width)
    {
        await using var session = await OpenAsync(width, "insights");
        var page = session.Page;
        await session.OpenAsync("/insights?days=30", "30-days");

        await Assertions.Expect(page.GetByTestId("chart-insights")).ToHaveAttributeAsync("data-points", "30");
        // Every panel's plot starts and ends at the same x: one x-axis for commits, hours, recovery and sleep.
        var boxes = JsonSerializer.Deserialize<double[][]>(await page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('[data-testid=insights-plot]')].map(e => { const r = e.getBoundingClientRect(); return [r.left, r.width]; }))"))!;
        Assert.Equal(4, boxes.Length);
        Assert.All(boxes, box => Assert.Equal(boxes[0][0], box[0], 1));
        Assert.All(boxes, box => Assert.Equal(boxes[0][1], box[1], 1));
        // Percentages and hours on their own axes.
        await Assertions.Expect(page.GetByTestId("insights-panel-recovery").GetByTestId("insights-y-axis")).ToContainTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("insights-panel-sleep").GetByTestId("insights-y-axis")).ToContainTextAsync(" h");
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('[data-testid=insights-x-labels] span, [data-testid=insights-y-axis] span')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallest >= 11, $"axis labels are {smallest} px");
        await Assertions.Expect(page.GetByTestId("insights-r-lag0")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("insights-weekdays")).ToBeVisibleAsync();
        await AssertLoadAndLateNightsAsync(page);
        await AssertFitsAsync(page, "insights");

        await page.GetByTestId("range-365").ClickAsync();
        await page.WaitForFunctionAsync("() => { const n = Number(document.querySelector('[data-testid=chart-insights]')?.dataset.points); return n >= 52 && n <= 54; }");
        // The demo's journal: drinks go with a lower next-day recovery, and that holds over a year; caffeine does nothing.
        var holds = page.GetByTestId("habit-holds");
        await Assertions.Expect(holds.Filter(new() { HasText = "Have any alcoholic drinks?', recovery was" })).ToHaveCountAsync(1);
        await Assertions.Expect(holds.First.GetByTestId("habit-interval")).ToBeVisibleAsync();
        await Assertions.Expect(holds.Filter(new() { HasText = "caffeine" })).ToHaveCountAsync(0);
        await AssertFitsAsync(page, "insights");
        await session.ScreenshotAsync("365-days");
        session.AssertNoErrors();
    }

    /// <summary>The demo's workload chart (three lines, flagged days shaded) and its late-night scatters, each with points and a fitted line.</summary>
    private static async Task AssertLoadAndLateNightsAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("chart-load")).ToHaveAttributeAsync("data-points", "30");
        var plot = page.GetByTestId("load-plot");
        await Assertions.Expect(plot.Locator("svg path[d^='M']")).ToHaveCountAsync(3); // coding, strain, recovery: each drawn
        await Assertions.Expect(plot.Locator("rect[data-marked]")).ToHaveCountAsync(int.Parse((await plot.GetAttributeAsync("data-flagged"))!));
        await Assertions.Expect(plot.Locator("[data-tips-readout]")).ToContainTextAsync("coding ");

        var nights = int.Parse((await page.GetByTestId("chart-late-nights").GetAttributeAsync("data-points"))!);
        Assert.InRange(nights, 30, 90);
        await Assertions.Expect(page.GetByTestId("late-nights-count")).ToContainTextAsync($"{nights} nights");
        foreach (var key in new[] { "onset", "sleep", "recovery" })
        {
            var scatter = page.GetByTestId($"scatter-{key}");
            Assert.InRange(await scatter.Locator("path[data-tip]").CountAsync(), 30, nights);
            await Assertions.Expect(scatter.GetByTestId("scatter-fit")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId($"late-nights-fit-{key}")).ToContainTextAsync("nights)");
        }

        // Tapping a night shows it in the readout.
        var dot = page.GetByTestId("scatter-sleep").Locator("path[data-tip]").First;
        await dot.DispatchEventAsync("click");
        await Assertions.Expect(page.GetByTestId("scatter-sleep").Locator("[data-tips-readout]")).ToHaveTextAsync((await dot.GetAttributeAsync("data-tip"))!);
    }

    private static async Task AssertFitsAsync(IPage page, string name)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var overflow = await page.EvaluateAsync<string[]>(Layout.WiderThanTheWindow);
        Assert.True(widths[0] <= widths[1],
            $"{name} scrolls sideways: scrollWidth {widths[0]} > innerWidth {widths[1]}. Past the right edge: {string.Join(", ", overflow)}");
    }
}
