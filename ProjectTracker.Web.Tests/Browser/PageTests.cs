using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>Every page in a desktop and a phone-width browser: no console errors, the demo label shown, no sideways scroll.</summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class PageTests(DemoBrowserApp app, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_Desktop_LoadsWithoutErrorsAndShowsTheDemoLabel(string page) => await LoadsCleanlyAsync(page);

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_PhoneWidth_HasNoHorizontalScroll(string page) => await FitsAPhoneAsync(page);

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_DesktopAndPhone_EveryTableShowsAllItsColumns(string page)
    {
        foreach (var size in new[] { Viewports.Desktop, Viewports.Phone })
        {
            await using var session = await app.OpenSessionAsync(output, $"{nameof(PageTests)}.tables{size.Width}", size);
            await session.OpenAsync(DemoPages.PathOf(page, app), page, DemoPages.StatusOf(page));

            var hidden = await session.Page.EvaluateAsync<string[]>(Layout.TablesWiderThanTheirBox);

            Assert.True(hidden.Length == 0, $"{page} at {size.Width} px hides table columns: {string.Join("; ", hidden)}");
        }
    }

    private async Task LoadsCleanlyAsync(string page)
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(PageTests)}.desktop");
        await session.OpenAsync(DemoPages.PathOf(page, app), page, DemoPages.StatusOf(page));

        await Assertions.Expect(session.Page.GetByTestId("demo-label")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
        session.AssertNoErrors();
    }

    private async Task FitsAPhoneAsync(string page)
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(PageTests)}.phone", Phone);
        await session.OpenAsync(DemoPages.PathOf(page, app), page, DemoPages.StatusOf(page));

        var overflow = await session.Page.EvaluateAsync<string[]>(Layout.WiderThanTheWindow);
        var widths = await session.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth,
            $"{page} scrolls sideways at {Phone.Width} px: scrollWidth {scrollWidth} > innerWidth {innerWidth}. "
            + $"Elements past the right edge: {string.Join(", ", overflow)}");
        await Assertions.Expect(session.Page.GetByTestId("demo-label")).ToBeVisibleAsync();
        session.AssertNoErrors();
    }
}
