using System.Globalization;
using Microsoft.Playwright;
using ProjectTracker.Web.Tests.Startup;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// One app (its own process on a free loopback port, temp SQLite database), shared by a test collection, and the run's
/// headless chromium (<see cref="Chromium.SharedAsync"/>); each test gets a fresh browser context through
/// <see cref="OpenSessionAsync"/>.
/// </summary>
/// <remarks>
/// A process rather than <c>WebApplicationFactory.UseKestrel</c>: with an async <c>Main</c> that works between
/// <c>Build()</c> and <c>RunAsync()</c>, the factory lets the entry point run on and the app ends up listening on the
/// default localhost:5000 beside the address the factory reports. The build output runs in Development, which serves
/// MudBlazor's <c>_content/</c> assets from the static web assets manifest (Production answers 500 for them).
/// </remarks>
public abstract class BrowserApp : IAsyncLifetime
{
    /// <summary>Bound for every wait on the page (auto-waiting assertions, clicks, navigation) unless a test says otherwise.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly ViewportSize DefaultViewport = new() { Width = 1280, Height = 900 };

    private readonly BrowserDatabase _database = new();
    private AppProcess? _app;
    private IBrowser? _browser;
    private IBrowserContext? _shared;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's own error lines, shown when a browser test fails.</summary>
    public string ServerErrors => _app is null
        ? ""
        : string.Join('\n', _app.Output.Split('\n').Where(line => line.StartsWith("fail:", StringComparison.Ordinal)));

    protected AppProcess App => _app!;

    public async Task InitializeAsync()
    {
        var browser = Chromium.SharedAsync(); // launches while the app starts
        var port = AppProcess.FreePort();
        var environment = new Dictionary<string, string>(await PrepareAsync())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["DATABASE_URL"] = _database.DatabaseUrl,
            // The simulator's "statistics still computing" answers would otherwise cost seconds of back-off per repository.
            ["GitHub__StatisticsRetryDelay"] = "00:00:00.050",
            ["GitHub__RetryDelay"] = "00:00:00.050",
            // Quiet: the content root is a temp folder, so appsettings.json's levels do not apply.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__LogLevel__ProjectTracker"] = "Information",
        };
        _app = AppProcess.Start(environment);
        await _app.WaitUntilListeningAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _browser = await browser;
        _shared = await NewContextAsync(DefaultViewport);
        await StartedAsync();
    }

    /// <summary>
    /// A fresh context and page (desktop size unless <paramref name="viewport"/> says otherwise) that asks for reduced
    /// motion: the app then changes colours without transitions (app.css), so nothing waits for one to end.
    /// </summary>
    public async Task<BrowserSession> OpenSessionAsync(ITestOutputHelper output, string test, ViewportSize? viewport = null) =>
        await BrowserSession.StartAsync(await NewContextAsync(viewport ?? DefaultViewport), output, test, this);

    /// <summary>
    /// A new page in the fixture's one shared context, for a test that keeps no state of its own in the browser: its
    /// cookies are cleared and the page starts without a saved theme. Far cheaper than a context of its own, which is a
    /// renderer process and an HTTP cache of its own: 20 dashboards opened cost chromium 12 s of CPU instead of 28.
    /// The tests of a collection run one at a time, so no other test's page is open in the context meanwhile.
    /// </summary>
    public async Task<BrowserSession> OpenPageAsync(ITestOutputHelper output, string test, ViewportSize? viewport = null)
    {
        await _shared!.ClearCookiesAsync();
        return await BrowserSession.StartInSharedContextAsync(_shared, viewport ?? DefaultViewport, output, test, this);
    }

    private async Task<IBrowserContext> NewContextAsync(ViewportSize viewport)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await DisposeMoreAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Environment variables for the app (simulators started here); the database and port are added by the fixture.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> PrepareAsync();

    /// <summary>Runs once the app listens, e.g. to wait for demo data.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;
}
