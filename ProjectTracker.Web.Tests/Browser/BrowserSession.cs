using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// One test's browser context and page. Collects console errors and uncaught page errors (tests end with
/// <see cref="AssertNoErrors"/>) and saves a full-page screenshot of every page opened when <see cref="Screenshots.Enabled"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // The theme chosen in an earlier test's page of a shared context (theme.js keeps it in localStorage) is forgotten on
    // the new page's first document; a reload later in the test keeps what the test chose.
    private const string ForgetEarlierTheme =
        "if (!sessionStorage.getItem('pt-test-page')) { localStorage.clear(); sessionStorage.setItem('pt-test-page', '1'); }";

    private readonly IBrowserContext _context;
    private readonly bool _ownsContext;
    private readonly ITestOutputHelper _output;
    private readonly string _test;
    private readonly BrowserApp _app;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly HashSet<string> _expectedFailures = [];

    private BrowserSession(IBrowserContext context, bool ownsContext, IPage page, ITestOutputHelper output, string test, BrowserApp app)
    {
        _context = context;
        _ownsContext = ownsContext;
        Page = page;
        _output = output;
        _test = test;
        _app = app;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpected(message))
            {
                _errors.Enqueue($"console error at {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>A session that owns its context and closes it at the end.</summary>
    public static async Task<BrowserSession> StartAsync(IBrowserContext context, ITestOutputHelper output, string test, BrowserApp app) =>
        new(context, ownsContext: true, await context.NewPageAsync(), output, test, app);

    /// <summary>A session on a new page of a context other sessions use too; it closes only its page.</summary>
    public static async Task<BrowserSession> StartInSharedContextAsync(
        IBrowserContext context, ViewportSize viewport, ITestOutputHelper output, string test, BrowserApp app)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        await page.AddInitScriptAsync(ForgetEarlierTheme);
        return new(context, ownsContext: false, page, output, test, app);
    }

    /// <summary>
    /// Opens <paramref name="path"/>, waits until the Blazor circuit is interactive and the page has loaded its data (no
    /// indeterminate progress bar), and saves a screenshot (if enabled) named after <paramref name="name"/>. A status other than 200 fails unless it is <paramref name="expectedStatus"/>.
    /// </summary>
    public async Task<IResponse> OpenAsync(string path, string name, int expectedStatus = 200)
    {
        var url = new Uri(_app.BaseAddress, path).ToString();
        if (expectedStatus != 200)
        {
            // Chromium reports the document's own error status as a console error; that one is the point of the test.
            _expectedFailures.Add(url);
        }

        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == expectedStatus, $"{path} answered {response.Status}, expected {expectedStatus}.");
        await WaitUntilInteractiveAsync();
        await Assertions.Expect(Page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);
        await ScreenshotAsync(name);
        return response!;
    }

    /// <summary>Waits for the element the layout renders only once the circuit is connected.</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await Assertions.Expect(Page.GetByTestId("interactive")).ToBeAttachedAsync();

    public async Task ScreenshotAsync(string name)
    {
        if (!Screenshots.Enabled)
        {
            return;
        }

        var path = Screenshots.PathFor(_test, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Fails with every console error and page error seen so far, and the app's logged errors.</summary>
    public void AssertNoErrors()
    {
        if (!_errors.IsEmpty)
        {
            var server = _app.ServerErrors is { Length: > 0 } lines ? "\nServer errors:\n" + lines : "";
            Assert.Fail($"The browser reported errors:\n{string.Join('\n', _errors)}{server}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsContext)
        {
            await _context.DisposeAsync();
        }
        else
        {
            await Page.CloseAsync();
        }
    }

    private bool IsExpected(IConsoleMessage message) =>
        _expectedFailures.Any(url => message.Location.StartsWith(url, StringComparison.Ordinal)) && message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal);
}
