using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The API reference as a newcomer reaches it: from the menu, complete, with nothing fetched from another host.</summary>
[Collection(UnconfiguredBrowserApp.Collection)]
public sealed class ApiReferenceTests(UnconfiguredBrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ApiLink_InTheMenu_OpensTheReferenceWithNothingFromAnotherHost()
    {
        await using var session = await app.OpenSessionAsync(output, $"{nameof(ApiReferenceTests)}.menu");
        var page = session.Page;
        var elsewhere = new ConcurrentQueue<string>();
        page.Context.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" or "ws" or "wss" } url && url.Authority != app.BaseAddress.Authority)
            {
                elsewhere.Enqueue(request.Url);
            }
        };
        await session.OpenAsync("/setup", "setup");

        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/scalar/");
        await Assertions.Expect(page.GetByText("RFC 9457 problem+json")).ToBeVisibleAsync(); // it read /openapi/v1.json
        // The sidebar names operations shortly (the issue's example was a whole sentence about signed webhook deliveries).
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Webhook HTTP Method: POST", Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await session.ScreenshotAsync("scalar");
        await Assertions.Expect(page.GetByText(new Regex("Ask AI|Generate SDK|Deploy"))).ToHaveCountAsync(0);
        Assert.True(elsewhere.IsEmpty, $"The reference asked other hosts: {string.Join(", ", elsewhere.Distinct())}");
        session.AssertNoErrors();
    }
}
