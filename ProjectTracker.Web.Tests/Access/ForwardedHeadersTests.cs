using System.Net;
using Microsoft.AspNetCore.Http;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>Behind a TLS-terminating proxy the OAuth redirect URI must be https — but only a trusted proxy is believed.</summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private WhoopSimulatorServer _whoop = null!;
    private readonly List<TrackerAppFactory> _apps = [];

    public async Task InitializeAsync() => _whoop = await WhoopSimulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
    }

    private TrackerAppFactory Start(string? trustedProxies, string? publicBaseUrl = null)
    {
        var app = new TrackerAppFactory(_database, new Dictionary<string, string?>
        {
            ["Access:TrustedProxies"] = trustedProxies,
            ["Access:PublicBaseUrl"] = publicBaseUrl,
            ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
            ["Whoop:AuthorizationEndpoint"] = new Uri(_whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
        });
        _apps.Add(app);
        return app;
    }

    /// <summary>The redirect_uri of the login's challenge, for a request from <paramref name="from"/> carrying proxy headers.</summary>
    private static async Task<string?> RedirectUriAsync(TrackerAppFactory app, string from)
    {
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/login/whoop";
            http.Request.Host = new HostString("10.0.0.2:8080");
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-Host"] = "tracker.example";
            http.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            http.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        var location = new Uri(context.Response.Headers.Location.ToString());
        return System.Web.HttpUtility.ParseQueryString(location.Query)["redirect_uri"];
    }

    [Fact]
    public async Task Login_ThroughATrustedProxy_RedirectUriIsHttpsOnThePublicHost()
    {
        var app = Start("10.0.0.0/8");

        Assert.Equal("https://tracker.example/signin-whoop", await RedirectUriAsync(app, "10.1.2.3"));
    }

    [Fact]
    public async Task Login_ProxyHeadersFromAnUntrustedAddress_AreIgnored()
    {
        var app = Start("10.0.0.0/8");

        Assert.Equal("http://10.0.0.2:8080/signin-whoop", await RedirectUriAsync(app, "203.0.113.9"));
    }

    [Fact]
    public async Task Login_LoopbackProxyByDefault_IsTrusted()
    {
        var app = Start(null);

        Assert.Equal("https://tracker.example/signin-whoop", await RedirectUriAsync(app, "127.0.0.1"));
        Assert.Equal("http://10.0.0.2:8080/signin-whoop", await RedirectUriAsync(app, "10.1.2.3"));
    }

    [Fact]
    public async Task Login_AnyProxyTrusted_BelievesAnySender()
    {
        var app = Start("*");

        Assert.Equal("https://tracker.example/signin-whoop", await RedirectUriAsync(app, "100.64.7.7"));
    }

    [Fact]
    public async Task Login_WithAPublicBaseUrl_RedirectUriIgnoresHostAndForwardedHeaders()
    {
        var app = Start("*", "https://tracker.example/app");

        Assert.Equal("https://tracker.example/app/signin-whoop", await RedirectUriAsync(app, "100.64.7.7"));
        Assert.Equal("https://tracker.example/app/signin-whoop", await RedirectUriAsync(app, "203.0.113.9"));
    }
}
