using Microsoft.Playwright;
using ProjectTracker.Web.Demo;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// Every page loaded once in a desktop and once in a phone-width browser, each load running every check of that width: no
/// console errors, the demo label shown, every table showing all its columns, every chart text shown whole, and
/// axe-core's WCAG 2.2 AA rules finding nothing, in the light theme and again after switching to the dark one; the heading
/// and tiles that keep their value on one line on the desktop, no sideways scroll on the phone.
/// </summary>
/// <remarks>
/// The phone is 375 px wide, the narrowest common phone: the narrower of the two phone widths these checks used before
/// (<see cref="Viewports.Phone"/> is 390 px, the same MudBlazor breakpoint with more room for a table).
/// </remarks>
[Collection(DemoBrowserApp.Collection)]
public sealed class PageTests(DemoBrowserApp app, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_Desktop_LoadsWithoutErrorsShowsTheDemoLabelAndAllTableColumns(string page)
    {
        await using var session = await OpenAsync(page, "desktop", Viewports.Desktop);

        await Assertions.Expect(session.Page.GetByTestId("demo-label")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
        await AssertEveryTableShowsAllItsColumnsAsync(session, page, Viewports.Desktop);
        await AssertPageContentAsync(session, page);
        var wrapped = await session.Page.EvaluateAsync<string[]>(Layout.TileValuesOnTwoLines);
        Assert.True(wrapped.Length == 0, $"{page} breaks tile values over two lines: {string.Join("; ", wrapped)}");
        await AssertChartsAndAccessibilityInBothThemesAsync(session, page, Viewports.Desktop);
        session.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_PhoneWidth_HasNoHorizontalScrollAndShowsAllTableColumns(string page)
    {
        await using var session = await OpenAsync(page, "phone", Phone);

        var overflow = await session.Page.EvaluateAsync<string[]>(Layout.WiderThanTheWindow);
        var widths = await session.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth,
            $"{page} scrolls sideways at {Phone.Width} px: scrollWidth {scrollWidth} > innerWidth {innerWidth}. "
            + $"Elements past the right edge: {string.Join(", ", overflow)}");
        await AssertEveryTableShowsAllItsColumnsAsync(session, page, Phone);
        await AssertPageContentAsync(session, page);
        await Assertions.Expect(session.Page.GetByTestId("demo-label")).ToBeVisibleAsync();
        await AssertChartsAndAccessibilityInBothThemesAsync(session, page, Phone);
        session.AssertNoErrors();
    }

    private async Task<BrowserSession> OpenAsync(string page, string width, ViewportSize size)
    {
        var session = await app.OpenPageAsync(output, $"{nameof(PageTests)}.{width}", size);
        try
        {
            await session.OpenAsync(DemoPages.PathOf(page, app), page, DemoPages.StatusOf(page));
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>A page's own content, checked on the same load at both widths.</summary>
    private async Task AssertPageContentAsync(BrowserSession session, string page)
    {
        if (page == "overview")
        {
            await AssertOverviewGoalsAsync(session.Page);
            await AssertOverviewReportLinksAsync(session.Page);
        }
        else if (page == "report")
        {
            await AssertReportAsync(session.Page);
        }
    }

    private static async Task AssertOverviewReportLinksAsync(IPage page)
    {
        var thisWeek = await page.GetByTestId("report-link-this-week").GetAttributeAsync("href");
        var lastWeek = await page.GetByTestId("report-link-last-week").GetAttributeAsync("href");

        Assert.Matches(@"^/report/\d{4}-W\d{2}$", thisWeek);
        Assert.Equal("/report/" + Domain.Report.ReportWeek.Parse(thisWeek![8..])!.Value.Previous, lastWeek);
    }

    /// <summary>Last week's report: the figures of its JSON, the demo's goals and habits, and a print without the app's chrome.</summary>
    private async Task AssertReportAsync(IPage page)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var json = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"/api/report/week/{DemoPages.ReportWeek}"))!;

        await Assertions.Expect(page.GetByTestId("report-coding-hours")).ToHaveTextAsync(Web.Report.ReportText.Hours((double)json["coding_hours"]!));
        await Assertions.Expect(page.GetByTestId("report-commits")).ToHaveTextAsync(Web.Report.ReportText.Count((int)json["commits"]!, "commit"));
        await Assertions.Expect(page.GetByTestId("report-active-days")).ToHaveTextAsync(Web.Report.ReportText.Count((int)json["active_days"]!, "active day"));
        await Assertions.Expect(page.GetByTestId("report-project")).ToHaveCountAsync(json["projects"]!.AsArray().Count);
        await Assertions.Expect(page.Locator("[data-measure=recovery] [data-testid=report-average]"))
            .ToHaveTextAsync(Web.Report.ReportText.Number((double?)json["recovery"]!["average"], " %"));
        await Assertions.Expect(page.GetByTestId("report-goal")).ToHaveCountAsync(json["goals"]!.AsObject().Count);
        Assert.NotEmpty(json["goals"]!.AsObject()); // the demo sets goals
        Assert.NotEmpty(json["habit_effects"]!.AsArray()); // and its journal has habits that hold
        await Assertions.Expect(page.GetByTestId("report-habit")).ToHaveCountAsync(json["habit_effects"]!.AsArray().Count);
        await Assertions.Expect(page.GetByTestId("report-best-day-link")).ToHaveAttributeAsync("href", $"/days/{(string)json["best_day"]!["date"]!}");

        // Printed: the report alone, without the app bar, the menu or the owner's button.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report-send")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report-coding")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(page.GetByTestId("report-send-unconfigured")).ToBeVisibleAsync(); // the demo sends no mail
    }

    /// <summary>The demo's goals (<see cref="DemoOptions.Goals"/>) with this week's progress, and the owner's form.</summary>
    private static async Task AssertOverviewGoalsAsync(IPage page)
    {
        var goals = page.GetByTestId("overview-goals");
        await Assertions.Expect(goals).ToBeVisibleAsync();
        await Assertions.Expect(goals.GetByTestId("goals-week")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Week of \w{3} \d{1,2} \w{3} \(so far\)$"));
        await Assertions.Expect(goals.GetByTestId("goal-weekly_coding_hours").GetByTestId("goal-line")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\d+\.\d of {DemoOptions.Goals.WeeklyCodingHours} h coding$"));
        await Assertions.Expect(goals.GetByTestId("goal-daily_sleep_hours").GetByTestId("goal-line")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^(\d+\.\d of|No scored night yet, of) {DemoOptions.Goals.DailySleepHours} h sleep a night$"));
        await Assertions.Expect(goals.GetByTestId("goal-weekly_active_days").GetByTestId("goal-line")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\d of {DemoOptions.Goals.WeeklyActiveDays} active days$"));
        var bars = goals.GetByRole(AriaRole.Progressbar);
        await Assertions.Expect(bars).ToHaveCountAsync(3);
        foreach (var bar in await bars.AllAsync())
        {
            Assert.InRange(int.Parse((await bar.GetAttributeAsync("aria-valuenow"))!), 0, 100);
            Assert.True((await bar.BoundingBoxAsync())!.Width > 200, "a goal's bar spans the card");
        }

        // The browser runs on the app's machine, the owner of an install without access settings: offered the form.
        await Assertions.Expect(goals.GetByTestId("goals-edit")).ToHaveCountAsync(1);
        await Assertions.Expect(goals.GetByTestId("goals-owner-only")).ToHaveCountAsync(0);
    }

    // The dark theme is switched to in place (the toggle redraws the page with the other palette), not loaded again.
    private static async Task AssertChartsAndAccessibilityInBothThemesAsync(BrowserSession session, string page, ViewportSize size)
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            if (theme == "dark")
            {
                await SwitchToDarkAsync(session.Page, page);
            }

            var hidden = await session.Page.EvaluateAsync<string[]>(Layout.ChartTextNotShown);
            Assert.True(hidden.Length == 0, $"{page} at {size.Width} px ({theme}) does not show chart text whole: {string.Join("; ", hidden)}");
            var violations = await Accessibility.ViolationsAsync(session.Page);
            Assert.True(violations.Count == 0, $"{page} at {size.Width} px ({theme}) fails WCAG 2.2 AA: {string.Join("; ", violations)}");
        }
    }

    /// <summary>
    /// Clicks the toggle and returns once the page shows the dark palette. Measured halfway through a transition, a button
    /// would be neither palette's colour: the session asks for reduced motion, and the app then runs none (app.css).
    /// </summary>
    private static async Task SwitchToDarkAsync(IPage page, string name)
    {
        var toggle = page.GetByTestId("dark-mode-toggle");
        var light = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        var transitions = await page.EvaluateAsync<int>("() => document.getAnimations().filter(a => a instanceof CSSTransition).length");
        Assert.True(transitions == 0, $"{name} runs {transitions} CSS transitions after the theme switch although reduced motion is asked for.");
    }

    private static async Task AssertEveryTableShowsAllItsColumnsAsync(BrowserSession session, string page, ViewportSize size)
    {
        var hidden = await session.Page.EvaluateAsync<string[]>(Layout.TablesWiderThanTheirBox);

        Assert.True(hidden.Length == 0, $"{page} at {size.Width} px hides table columns: {string.Join("; ", hidden)}");
    }
}
