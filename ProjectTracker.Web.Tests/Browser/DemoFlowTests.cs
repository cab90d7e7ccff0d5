using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>Interactions on the demo's filled dashboards: the project search and the WHOOP range picker.</summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class DemoFlowTests(DemoBrowserApp app, ITestOutputHelper output)
{
    [Fact(Skip = "Enable after merging h-github (project-grid and project-search)")]
    public async Task ProjectSearch_Typed_NarrowsTheGridToMatchingProjects()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(DemoFlowTests)}.{nameof(ProjectSearch_Typed_NarrowsTheGridToMatchingProjects)}");
        var page = session.Page;
        await session.OpenAsync("/github", "all");
        var rows = page.GetByTestId("project-grid").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        var wanted = app.Projects[^1];

        await page.GetByTestId("project-search").Locator("input").FillAsync(wanted);

        await Assertions.Expect(rows).Not.ToHaveCountAsync(before);
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = wanted }).First).ToBeVisibleAsync();
        Assert.Equal(await rows.CountAsync(), await rows.Filter(new LocatorFilterOptions { HasText = wanted }).CountAsync());
        await session.ScreenshotAsync("searched");
        session.AssertNoErrors();
    }

    [Fact(Skip = "Enable after merging h-whoop (range-picker and charts with data-points)")]
    public async Task RangePicker_SevenThenNinetyDays_RedrawsTheCharts()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(DemoFlowTests)}.{nameof(RangePicker_SevenThenNinetyDays_RedrawsTheCharts)}");
        var page = session.Page;
        await session.OpenAsync("/whoop", "default-range");
        var recovery = page.GetByTestId("chart-recovery");

        await page.GetByTestId("range-7").ClickAsync();
        await Assertions.Expect(recovery).ToHaveAttributeAsync("data-points", FlowTests.Positive());
        var week = int.Parse((await recovery.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        await session.ScreenshotAsync("7-days");
        await page.GetByTestId("range-90").ClickAsync();

        await Assertions.Expect(recovery).Not.ToHaveAttributeAsync("data-points", week.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var quarter = int.Parse((await recovery.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(quarter > week, $"90 days drew {quarter} points, 7 days {week}");
        await session.ScreenshotAsync("90-days");
        session.AssertNoErrors();
    }
}
