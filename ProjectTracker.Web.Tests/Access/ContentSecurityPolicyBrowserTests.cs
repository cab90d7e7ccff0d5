using Microsoft.Playwright;
using ProjectTracker.Web.Tests.Browser;
using ProjectTracker.Web.Tests.Startup;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>The real app (Development, so an unpublished build serves the packages' assets) and the run's headless Chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private AppProcess _app = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = AppProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = AppProcess.Start(new Dictionary<string, string> { ["PORT"] = $"{port}", ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        await _app.WaitUntilListeningAsync();
        Browser = await Chromium.SharedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// The Content-Security-Policy in a real browser: the dashboards still connect their Blazor circuit and the API reference
/// still starts, with nothing refused. (A policy that is too strict fails silently in the page, never in an HTTP test.)
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    /// <summary>Opens the page, waits until <paramref name="ready"/> exists, and answers the browser's complaints.</summary>
    private async Task<List<string>> OpenAsync(string path, string ready)
    {
        var page = await fixture.Browser.NewPageAsync();
        var complaints = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                complaints.Add(message.Text);
            }
        };
        page.PageError += (_, error) => complaints.Add(error);
        await page.GotoAsync(fixture.BaseUrl + path);
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.CloseAsync();
        return complaints;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/github")]
    [InlineData("/whoop")]
    public async Task Dashboard_UnderThePolicy_BecomesInteractiveWithNothingRefused(string path)
    {
        // The marker renders only once the circuit (WebSocket) is connected and MudBlazor's scripts ran.
        var complaints = await OpenAsync(path, "[data-testid=interactive]");

        Assert.Empty(complaints);
    }

    [Fact]
    public async Task ReferencePage_UnderItsPolicy_RendersWithNothingRefused()
    {
        // Scalar shows the document's description only after its inline start script ran and it read /openapi/v1.json.
        var complaints = await OpenAsync("/scalar/v1", "text=/RFC 9457 problem\\+json/");

        Assert.Empty(complaints);
    }
}
