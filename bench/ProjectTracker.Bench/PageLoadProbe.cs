using System.Text.Json;
using Microsoft.Playwright;

namespace ProjectTracker.Bench;

/// <summary>
/// One page load's moments, in ms from the navigation's start: the HTML's first byte (the server's prerender), first paint,
/// DOMContentLoaded, the circuit's websocket open, the first message of over 4 KB on it (the circuit's first render batch),
/// and usable; with the number of elements on the page once usable (what the browser built and laid out).
/// </summary>
public sealed record PageLoad(
    double ResponseStartMs, double FirstContentfulPaintMs, double DomContentLoadedMs, double CircuitOpenMs,
    double FirstBatchMs, double InteractiveMs, int Elements, TrafficCounter Traffic);

/// <summary>
/// One cold first load of a page in a fresh browser context (empty cache): paint and DOMContentLoaded from the page's own
/// performance entries, the moment it became usable from a mutation observer installed before any of the page's scripts
/// ran, and the bytes on the wire from the DevTools protocol. All times count from the navigation's start.
/// </summary>
public static class PageLoadProbe
{
    // After the page is usable, a moment for the last network events to arrive (the circuit's first exchanges included).
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    public static async Task<PageLoad> LoadAsync(IBrowser browser, Uri baseAddress, DashboardPage target)
    {
        await using var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();
        var traffic = await TrafficCounter.AttachAsync(context, page);
        await page.AddInitScriptAsync(ReadyObserver(target));
        await page.GotoAsync(new Uri(baseAddress, target.Path).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__benchReadyAt !== undefined", null, new() { Timeout = 60_000, PollingInterval = 50 });
        await Task.Delay(Settle);
        var timings = await page.EvaluateAsync<JsonElement>("""
            () => ({
              responseStart: performance.getEntriesByType('navigation')[0].responseStart,
              fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
              dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
              open: window.__benchSocketOpenAt ?? -1,
              batch: window.__benchFirstBatchAt ?? -1,
              ready: window.__benchReadyAt,
              elements: document.querySelectorAll('*').length
            })
            """);
        await page.CloseAsync(new() { RunBeforeUnload = true });
        double Read(string name) => timings.GetProperty(name).GetDouble();
        return new PageLoad(Read("responseStart"), Read("fcp"), Read("dcl"), Read("open"), Read("batch"), Read("ready"),
            timings.GetProperty("elements").GetInt32(), traffic);
    }

    /// <summary>Opens a page and leaves it open once usable (for counting the memory of open circuits).</summary>
    public static async Task<IBrowserContext> OpenAsync(IBrowser browser, Uri baseAddress, DashboardPage target)
    {
        var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, target.Path).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync($"() => {target.ReadyCondition()}", null, new() { Timeout = 60_000, PollingInterval = 100 });
        return context;
    }

    /// <summary>Closes the pages as a user would (unload handlers run, so Blazor tells the server the circuit is gone).</summary>
    public static async Task CloseAsync(IBrowserContext context)
    {
        foreach (var page in context.Pages.ToList())
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        await context.CloseAsync();
    }

    private static Task<IBrowserContext> NewContextAsync(IBrowser browser) =>
        browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });

    // Checked on every DOM change, so the time is when the content appeared rather than when a poll happened to look. The
    // websocket is wrapped to note when the circuit's socket opened and when its first large message (the render batch) came.
    private static string ReadyObserver(DashboardPage target) => $$"""
        (() => {
          window.WebSocket = class extends window.WebSocket {
            constructor(...args) {
              super(...args);
              this.addEventListener('open', () => { window.__benchSocketOpenAt ??= performance.now(); });
              this.addEventListener('message', event => {
                const size = typeof event.data === 'string' ? event.data.length : (event.data.byteLength ?? event.data.size);
                if (size > 4096) { window.__benchFirstBatchAt ??= performance.now(); }
              });
            }
          };
          const ready = () => {{target.ReadyCondition()}};
          const check = () => {
            if (window.__benchReadyAt === undefined && ready()) {
              window.__benchReadyAt = performance.now();
              observer.disconnect();
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;
}
