using Microsoft.Playwright;
using MudBlazor.Utilities;
using ProjectTracker.Web.Components.Layout;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The dark-mode toggle: switches the theme, is remembered across reloads, falls back to the system preference.</summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class DarkModeTests(DemoBrowserApp app, ITestOutputHelper output)
{
    private static readonly string Light = Css(TrackerTheme.Create().PaletteLight.Background);
    private static readonly string Dark = Css(TrackerTheme.Create().PaletteDark.Background);

    [Fact]
    public async Task Toggle_Clicked_SwitchesTheThemeAndIsRememberedAcrossReloads()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(DarkModeTests)}.{nameof(Toggle_Clicked_SwitchesTheThemeAndIsRememberedAcrossReloads)}");
        var page = session.Page;
        var body = page.Locator("body");
        var toggle = page.GetByTestId("dark-mode-toggle");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await session.OpenAsync("/github", "light");
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", Light);

        await toggle.ClickAsync();
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", Dark);
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await session.ScreenshotAsync("dark");
        await session.OpenAsync("/github", "dark-reloaded");
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", Dark);

        await toggle.ClickAsync();
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", Light);
        await session.OpenAsync("/", "light-reloaded");
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", Light);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Theme_NothingSaved_FollowsTheSystemPreference()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(DarkModeTests)}.{nameof(Theme_NothingSaved_FollowsTheSystemPreference)}");
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });

        await session.OpenAsync("/", "system-dark");

        await Assertions.Expect(session.Page.Locator("body")).ToHaveCSSAsync("background-color", Dark);
        await Assertions.Expect(session.Page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Prerender_DarkChosenBefore_IsDarkBeforeTheCircuitStarts()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(DarkModeTests)}.{nameof(Prerender_DarkChosenBefore_IsDarkBeforeTheCircuitStarts)}");
        await session.OpenAsync("/", "light");
        await session.Page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(session.Page.Locator("body")).ToHaveCSSAsync("background-color", Dark);
        session.AssertNoErrors();

        // Without Blazor's script the page stays as the server prerendered it: what the first paint shows.
        await session.Page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await session.Page.GotoAsync("/whoop");

        await Assertions.Expect(session.Page.Locator("body")).ToHaveCSSAsync("background-color", Dark);
        await session.ScreenshotAsync("prerendered");
    }

    private static string Css(MudColor color) => $"rgb({color.R}, {color.G}, {color.B})";
}
