using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>The app with the given access settings, "Connect WHOOP" pointed at the WHOOP simulator, and a way to sign in as the owner.</summary>
public sealed class AccessApp : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly HttpClient _browserAtWhoop = new(new HttpClientHandler { AllowAutoRedirect = false });

    private AccessApp(WhoopSimulatorServer whoop, IReadOnlyDictionary<string, string?> settings)
    {
        Whoop = whoop;
        var all = new Dictionary<string, string?>(settings)
        {
            ["Whoop:ApiBaseUrl"] = whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = whoop.TokenEndpoint.ToString(),
            ["Whoop:AuthorizationEndpoint"] = new Uri(whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["WHOOP_CLIENT_ID"] = whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = whoop.State.ClientSecret,
        };
        // Cookies expire by the app's clock and the test client's is real: start the app's clock at real time.
        App = new TrackerAppFactory(_database, all, new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    public WhoopSimulatorServer Whoop { get; }

    public TrackerAppFactory App { get; }

    public static async Task<AccessApp> StartAsync(IReadOnlyDictionary<string, string?> settings) =>
        new(await WhoopSimulatorServer.StartAsync(), settings);

    /// <summary>A browser on https (session cookies are Secure outside Development): keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowser() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>A signed-in owner's browser (the first account to connect owns the app).</summary>
    public async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = CreateBrowser();
        var callback = await ConnectAsync(browser);
        Assert.DoesNotContain("error", callback.Headers.Location!.OriginalString);
        return browser;
    }

    /// <summary>Follows "Connect WHOOP" like a browser: app → WHOOP (approves) → the app's callback, whose answer is returned.</summary>
    public async Task<HttpResponseMessage> ConnectAsync(HttpClient browser, string loginUrl = "/login/whoop")
    {
        var challenge = await browser.GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var approved = await _browserAtWhoop.GetAsync(challenge.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return await browser.GetAsync(approved.Headers.Location!.PathAndQuery);
    }

    public async ValueTask DisposeAsync()
    {
        _browserAtWhoop.Dispose();
        await App.DisposeAsync();
        await Whoop.DisposeAsync();
        await _database.DisposeAsync();
    }
}
