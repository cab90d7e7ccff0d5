using System.Net;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>Per-client limit on refresh (<c>Access:RefreshPermitsPerMinute</c>), on the app's clock.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private TrackerAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrackerAppFactory(_database, new Dictionary<string, string?>
        {
            ["Access:RefreshPermitsPerMinute"] = "2",
            // Clients are told apart by X-Forwarded-For, as behind Railway's proxy.
            ["Access:TrustedProxies"] = "*",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    // GitHub is not configured here, so an admitted refresh is a quick 409 from the endpoint itself.
    private async Task<HttpResponseMessage> RefreshAsync(string client, string path = "/api/github/refresh")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Forwarded-For", client);
        return await _app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    [Fact]
    public async Task Refresh_OverTheLimit_Is429ProblemWithRetryAfter()
    {
        var first = await RefreshAsync("198.51.100.7");
        var second = await RefreshAsync("198.51.100.7", "/api/whoop/sync/full");
        _app.Clock.Advance(TimeSpan.FromSeconds(20));
        var third = await RefreshAsync("198.51.100.7");

        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("40", third.Headers.GetValues("Retry-After").Single());
        Assert.Equal(40, (int?)problem["retry_after_seconds"]);
    }

    [Fact]
    public async Task Refresh_AfterTheWindow_IsAdmittedAgain()
    {
        await RefreshAsync("198.51.100.7");
        await RefreshAsync("198.51.100.7");
        _app.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await RefreshAsync("198.51.100.7");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_AnotherClient_HasItsOwnLimit()
    {
        await RefreshAsync("198.51.100.7");
        await RefreshAsync("198.51.100.7");

        var other = await RefreshAsync("203.0.113.9");
        var sameAgain = await RefreshAsync("198.51.100.7");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAgain.StatusCode);
    }

    [Fact]
    public async Task Refresh_IPv6ClientsOfOneNetwork_ShareALimit()
    {
        await RefreshAsync("2001:db8:1:2::10");
        await RefreshAsync("2001:db8:1:2::11");

        var sameNetwork = await RefreshAsync("2001:db8:1:2::12");
        var otherNetwork = await RefreshAsync("2001:db8:1:3::10");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task Refresh_ThroughTheOldRedirect_CountsOnce()
    {
        var redirect = await RefreshAsync("198.51.100.7", "/api/refresh");
        await RefreshAsync("198.51.100.7", redirect.Headers.Location!.OriginalString);

        var second = await RefreshAsync("198.51.100.7");
        var third = await RefreshAsync("198.51.100.7");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task Reading_IsNotLimited()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoop/refresh/today")).StatusCode);
        }
    }
}
