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

    private readonly BrowserDatabase _database = new();
    private AppProcess? _app;
    private IBrowser? _browser;

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
        await StartedAsync();
    }

    /// <summary>
    /// A fresh context and page (desktop size unless <paramref name="viewport"/> says otherwise) that asks for reduced
    /// motion: the app then changes colours without transitions (app.css), so nothing waits for one to end.
    /// </summary>
    public async Task<BrowserSession> OpenSessionAsync(ITestOutputHelper output, string test, ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return await BrowserSession.StartAsync(context, output, test, this);
    }

    public async Task DisposeAsync()
    {
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
