using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>A first run: <c>/</c> says what to set up, with this instance's own URLs, and fits a desktop and a phone.</summary>
[Collection(UnconfiguredBrowserApp.Collection)]
public sealed class SetupTests(UnconfiguredBrowserApp app, ITestOutputHelper output)
{
    public static TheoryData<int, int> Viewports => new() { { 1366, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Root_NothingConfigured_ShowsTheSetupGuideThatFits(int width, int height)
    {
        await using var session = await app.OpenPageAsync(output, $"{nameof(SetupTests)}.root-{width}",
            new ViewportSize { Width = width, Height = height });
        var page = session.Page;

        await session.OpenAsync("/", "first-run");

        await Assertions.Expect(page.GetByTestId("setup-guide")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("overview-github")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("setup-github-state")).ToHaveTextAsync("Not configured");
        await Assertions.Expect(page.GetByTestId("setup-whoop-state")).ToHaveTextAsync("Not configured");
        await Assertions.Expect(page.GetByTestId("setup-redirect-uri")).ToHaveTextAsync($"{app.BaseAddress}signin-whoop");
        await Assertions.Expect(page.GetByTestId("setup-webhook-url")).ToHaveTextAsync($"{app.BaseAddress}api/whoop/webhook");
        await Assertions.Expect(page.GetByTestId("setup-https-warning")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("setup-demo-command")).ToHaveTextAsync("dotnet run --project ProjectTracker.Web -- --demo");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var overflow = await page.EvaluateAsync<string[]>(Layout.WiderThanTheWindow);
        Assert.True(widths[0] <= widths[1],
            $"/ scrolls sideways at {width} px: scrollWidth {widths[0]} > innerWidth {widths[1]}. Past the edge: {string.Join(", ", overflow)}");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task SetupPage_FromTheNavigation_ShowsTheSameGuide()
    {
        await using var session = await app.OpenPageAsync(output, $"{nameof(SetupTests)}.nav");
        var page = session.Page;
        await session.OpenAsync("/github", "github");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Set up" }).ClickAsync();

        await page.WaitForURLAsync("**/setup");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Set up", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("setup-guide")).ToBeVisibleAsync();
        session.AssertNoErrors();
    }
}
