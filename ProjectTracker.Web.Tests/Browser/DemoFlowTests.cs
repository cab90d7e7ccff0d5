using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>Interactions on the demo's filled dashboards: the project search and the WHOOP range picker.</summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class DemoFlowTests(DemoBrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ProjectSearch_Typed_NarrowsTheGridToMatchingProjects()
    {
        await using var session = await app.OpenPageAsync(output, $"{nameof(DemoFlowTests)}.{nameof(ProjectSearch_Typed_NarrowsTheGridToMatchingProjects)}");
        var page = session.Page;
        await session.OpenAsync("/github", "all");
        var rows = page.GetByTestId("project-grid").Locator("table[aria-label=Projects] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        var wanted = app.Projects[^1];

        // The test id lands on the input itself or on the field around it, depending on the component.
        await page.Locator("input[data-testid=project-search], [data-testid=project-search] input").FillAsync(wanted);

        await Assertions.Expect(rows).Not.ToHaveCountAsync(before);
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = wanted }).First).ToBeVisibleAsync();
        Assert.Equal(await rows.CountAsync(), await rows.Filter(new LocatorFilterOptions { HasText = wanted }).CountAsync());
        await session.ScreenshotAsync("searched");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task RangePicker_SevenThenNinetyDays_RedrawsTheCharts()
    {
        await using var session = await app.OpenPageAsync(output, $"{nameof(DemoFlowTests)}.{nameof(RangePicker_SevenThenNinetyDays_RedrawsTheCharts)}");
        var page = session.Page;
        await session.OpenAsync("/whoop", "default-range");

        await page.GetByTestId("range-7").ClickAsync();
        await PointsAsync(page, "n > 0 && n <= 7");
        await session.ScreenshotAsync("7-days");
        await page.GetByTestId("range-90").ClickAsync();

        // More points than the default 30 days could draw: the chart was redrawn for 90 days.
        await PointsAsync(page, "n > 31 && n <= 91");
        await session.ScreenshotAsync("90-days");
        session.AssertNoErrors();
    }

    /// <summary>Waits (bounded) until the recovery chart's <c>data-points</c> (as <c>n</c>) satisfies <paramref name="condition"/>.</summary>
    private static async Task PointsAsync(IPage page, string condition) =>
        await page.WaitForFunctionAsync(
            $"() => {{ const n = Number(document.querySelector('[data-testid=chart-recovery]')?.dataset.points); return {condition}; }}");
}
