using System.Net;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>Per-client budgets (<c>Access:RefreshPermitsPerMinute</c> for GitHub and WHOOP each, <c>Access:SignInPermitsPerMinute</c>), on the app's clock; only accepted requests count.</summary>
/// <remarks>
/// One app for the class: windows are per client and opened by the client's first request, so each test sends from
/// addresses of its own (<see cref="Client"/>, <see cref="Other"/>) and finds fresh windows whatever ran before it and
/// however far the shared clock has moved. Tests with other settings start their own app on their own database.
/// </remarks>
public sealed class RateLimitTests(RateLimitTests.App fixture) : IClassFixture<RateLimitTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = SqliteTestDatabase.Migrated();

        public TrackerAppFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Factory = new TrackerAppFactory(_database, new Dictionary<string, string?>
            {
                ["Access:RefreshPermitsPerMinute"] = "2",
                // Clients are told apart by X-Forwarded-For, as behind Railway's proxy.
                ["Access:TrustedProxies"] = "*",
            });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private static int _tests;
    private readonly int _test = Interlocked.Increment(ref _tests); // xunit makes an instance per test

    private TrackerAppFactory Shared => fixture.Factory;

    /// <summary>This test's client.</summary>
    private string Client => $"198.51.100.{_test}";

    /// <summary>Another client, this test's own too.</summary>
    private string Other => $"203.0.113.{_test}";

    // WHOOP is not configured here: the old frontend's refresh/today answers an accepted 200 ("skipped") at once, and counts.
    private async Task<HttpResponseMessage> RefreshAsync(string client, string path = "/api/whoop/refresh/today", TrackerAppFactory? app = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Forwarded-For", client);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await (app ?? Shared).CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    [Fact]
    public async Task Refresh_OverTheLimit_Is429ProblemWithRetryAfter()
    {
        var first = await RefreshAsync(Client);
        var second = await RefreshAsync(Client);
        Shared.Clock.Advance(TimeSpan.FromSeconds(20));
        var third = await RefreshAsync(Client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var problem = await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("40", third.Headers.GetValues("Retry-After").Single());
        Assert.Equal(40, (int?)problem["retry_after_seconds"]);
        Assert.Contains("WHOOP refreshes", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Refresh_RefusedRequests_DoNotCount()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(Client, "/api/whoop/refresh?days=0")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await RefreshAsync(Client, "/api/whoop/sync/full")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await RefreshAsync(Client, "/api/github/refresh")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(Client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(Client)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RefreshAsync(Client)).StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterTheWindow_IsAdmittedAgain()
    {
        await RefreshAsync(Client);
        await RefreshAsync(Client);
        Shared.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await RefreshAsync(Client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_AnotherClient_HasItsOwnLimit()
    {
        await RefreshAsync(Client);
        await RefreshAsync(Client);

        var other = await RefreshAsync(Other);
        var sameAgain = await RefreshAsync(Client);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAgain.StatusCode);
    }

    [Fact]
    public async Task Refresh_IPv6ClientsOfOneNetwork_ShareALimit()
    {
        await RefreshAsync($"2001:db8:{_test}:2::10");
        await RefreshAsync($"2001:db8:{_test}:2::11");

        var sameNetwork = await RefreshAsync($"2001:db8:{_test}:2::12");
        var otherNetwork = await RefreshAsync($"2001:db8:{_test}:3::10");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    // Wrong API keys keep counting (guessing the key stays slow), on GitHub's budget only; the old redirect is not counted.
    [Fact]
    public async Task Refresh_GitHubAndWhoop_HaveSeparateBudgets()
    {
        const string key = "a-long-enough-api-key-0123456789";
        await using var database = SqliteTestDatabase.Migrated();
        await using var keyed = new TrackerAppFactory(database, new Dictionary<string, string?>
        {
            ["Access:RefreshPermitsPerMinute"] = "2", ["Access:TrustedProxies"] = "*", ["Access:ApiKey"] = key,
        });
        var legacy = await RefreshAsync(Client, "/api/refresh", keyed, apiKey: "wrong-key-wrong-key");
        await RefreshAsync(Client, "/api/github/refresh", keyed, apiKey: "wrong-key-wrong-key");
        await RefreshAsync(Client, "/api/github/refresh", keyed, apiKey: "wrong-key-wrong-key");

        var github = await RefreshAsync(Client, "/api/github/refresh", keyed, apiKey: key);
        var whoop = await RefreshAsync(Client, "/api/whoop/refresh/today", keyed, apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, legacy.StatusCode);
        var problem = await github.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("GitHub refreshes", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, whoop.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsLimitedPerClient()
    {
        await using var database = SqliteTestDatabase.Migrated();
        await using var signIn = new TrackerAppFactory(database, new Dictionary<string, string?>
        {
            ["Access:SignInPermitsPerMinute"] = "3", ["Access:TrustedProxies"] = "*",
            ["WHOOP_CLIENT_ID"] = "id", ["WHOOP_CLIENT_SECRET"] = "secret",
        });
        using var client = signIn.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        async Task<HttpStatusCode> SignInAsync(string from)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/login/whoop");
            request.Headers.Add("X-Forwarded-For", from);
            return (await client.SendAsync(request)).StatusCode;
        }

        var admitted = new[] { await SignInAsync(Client), await SignInAsync(Client), await SignInAsync(Client) };
        var fourth = await SignInAsync(Client);
        var other = await SignInAsync(Other);

        Assert.All(admitted, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth);
        Assert.Equal(HttpStatusCode.Redirect, other);
    }

    [Fact]
    public async Task Reading_IsNotLimited()
    {
        using var client = Shared.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoop/sync/status")).StatusCode);
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task RefreshToday_ByAnyMethod_SpendsTheWhoopBudget(string method)
    {
        // It starts a sync whatever its method: a write behind a GET is counted like the POSTs.
        var post = await RefreshAsync(Client);
        var first = await SendAsync(method);
        var second = await SendAsync(method);
        var otherClient = await SendAsync(method, Other);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);

        async Task<HttpResponseMessage> SendAsync(string verb, string? client = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(verb), "/api/whoop/refresh/today");
            request.Headers.Add("X-Forwarded-For", client ?? Client);
            return await Shared.CreateClient().SendAsync(request);
        }
    }
}
