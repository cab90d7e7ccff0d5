using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// Every page loaded once in a desktop and once in a phone-width browser, each load running every check of that width: no
/// console errors, the demo label shown, every table showing all its columns; the heading on the desktop, no sideways
/// scroll on the phone.
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
        await Assertions.Expect(session.Page.GetByTestId("demo-label")).ToBeVisibleAsync();
        session.AssertNoErrors();
    }

    private async Task<BrowserSession> OpenAsync(string page, string width, ViewportSize size)
    {
        var session = await app.OpenSessionAsync(output, $"{nameof(PageTests)}.{width}", size);
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

    private static async Task AssertEveryTableShowsAllItsColumnsAsync(BrowserSession session, string page, ViewportSize size)
    {
        var hidden = await session.Page.EvaluateAsync<string[]>(Layout.TablesWiderThanTheirBox);

        Assert.True(hidden.Length == 0, $"{page} at {size.Width} px hides table columns: {string.Join("; ", hidden)}");
    }
}
