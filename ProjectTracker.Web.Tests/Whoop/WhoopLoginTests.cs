using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>"Connect WHOOP" through the app and the WHOOP simulator's authorization and token endpoints.</summary>
public sealed class WhoopLoginTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private WhoopSimulatorServer _whoop = null!;
    private TrackerAppFactory _app = null!;
    private HttpClient _client = null!;
    private HttpClient? _browserAtWhoop;

    private Dictionary<string, string?> _extraSettings = [];


    public async Task InitializeAsync()
    {
        _whoop = await WhoopSimulatorServer.StartAsync();
        StartApp();
    }

    private void StartApp()
    {
        _app = new TrackerAppFactory(_database, new Dictionary<string, string?>(_extraSettings)
        {
            ["Whoop:ApiBaseUrl"] = _whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = _whoop.TokenEndpoint.ToString(),
            ["Whoop:AuthorizationEndpoint"] = new Uri(_whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
        }, clock: new FakeTimeProvider(DateTimeOffset.UtcNow)); // cookies expire by the app's clock; the browser's is real

        // https: session cookies are Secure outside Development (tests run as "Testing").
        _client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        _browserAtWhoop ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _browserAtWhoop?.Dispose();
        await _app.DisposeAsync();
        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Follows the flow like a browser: app → WHOOP (approves) → app's callback. Answers the callback's response.</summary>
    private async Task<HttpResponseMessage> ConnectAsync(string returnUrl = "/whoop")
    {
        var challenge = await _client.GetAsync($"/login/whoop?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_whoop.ApiBaseUrl.GetLeftPart(UriPartial.Authority), authorize.AbsoluteUri);
        var approved = await _browserAtWhoop!.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return await _client.GetAsync(approved.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Connect_FullRoundTrip_StoresTheConnectionAndReturnsToTheDashboard()
    {
        var callback = await ConnectAsync("/whoop");
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/whoop", callback.Headers.Location!.OriginalString);
        Assert.True((bool?)status["connected"]);
        Assert.Equal("10129", (string?)status["whoop_user_id"]);
        Assert.Contains("offline", status["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.NotNull(status["token_expires_at"]);
        var refresh = await _client.PostAsync("/api/whoop/refresh?days=2", null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }

    [Fact]
    public async Task Connect_AsksForTheBodyMeasurement_StoresAndAnswersIt()
    {
        _whoop.State.Body = (1.75, 68.2, 191);

        await ConnectAsync();
        var profile = await _client.GetJsonAsync("/api/whoop/profile");
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Contains("read:body_measurement", status["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(1.75, (double?)profile["height_meter"]);
        Assert.Equal(68.2, (double?)profile["weight_kilogram"]);
        Assert.Equal(191, (int?)profile["max_heart_rate"]);
        Assert.Equal("Alex", (string?)profile["first_name"]);
    }

    [Fact]
    public async Task Connect_MemberDeclinesTheBodyMeasurement_ConnectsWithoutItAndDoesNotAskAgain()
    {
        _whoop.State.DeclinedScopes.Add("read:body_measurement");

        var callback = await ConnectAsync();
        var profile = await _client.GetJsonAsync("/api/whoop/profile");
        var status = await _client.GetJsonAsync("/api/whoop/status");
        var asked = _whoop.State.Requests.Count(r => r.PathAndQuery.Contains("measurement/body"));
        await _client.GetAsync("/api/whoop/auth/test"); // reads the profile again

        Assert.Equal("/whoop", callback.Headers.Location!.OriginalString);
        Assert.True((bool?)status["connected"]);
        Assert.DoesNotContain("read:body_measurement", status["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Null(profile["height_meter"]);
        Assert.Equal("Alex", (string?)profile["first_name"]);
        Assert.Equal(0, asked); // the granted scopes say it would be refused
        Assert.DoesNotContain(_whoop.State.Requests, r => r.PathAndQuery.Contains("measurement/body"));
    }

    [Fact]
    public async Task Connect_StateSentToWhoop_IsShortAndRandom()
    {
        var challenge = await _client.GetAsync("/login/whoop");
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);

        Assert.Equal(32, query["state"]!.Length);
        Assert.Contains("offline", query["scope"]!.Split(' '));
        Assert.Contains("read:body_measurement", query["scope"]!.Split(' '));
        Assert.EndsWith("/signin-whoop", query["redirect_uri"]);
    }

    [Fact]
    public async Task Connect_AnotherAccountAfterTheOwner_IsRefusedAndChangesNothing()
    {
        await ConnectAsync();
        _whoop.State.Profile = new WhoopUserProfile(99999, "intruder@example.com", "Other", "Person");

        var callback = await ConnectAsync();
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Contains("error=", callback.Headers.Location!.OriginalString);
        Assert.Equal("10129", (string?)status["whoop_user_id"]);
        Assert.True((bool?)status["connected"]);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/whoop\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Connect_ReturnUrlThatIsNotALocalPath_LandsOnTheHomePage(string returnUrl)
    {
        var callback = await ConnectAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Connect_LocalReturnUrl_IsKept()
    {
        var callback = await ConnectAsync("/github?sort=loc");

        Assert.Equal("/github?sort=loc", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Connect_UsesPkceAndSecureCookies()
    {
        var challenge = await _client.GetAsync("/login/whoop");
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        var approved = await _browserAtWhoop!.GetAsync(challenge.Headers.Location!);
        var callback = await _client.GetAsync(approved.Headers.Location!.PathAndQuery);

        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"]!.Length);
        Assert.Equal(1, _whoop.State.PkceRequests); // and the simulator checked the verifier at the code exchange
        Assert.Equal("/whoop", callback.Headers.Location!.OriginalString);
        var session = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pt-session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Connect_CallbackAfterARestart_StillCompletes()
    {
        var challenge = await _client.GetAsync("/login/whoop");
        var cookies = string.Join("; ", challenge.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var approved = await _browserAtWhoop!.GetAsync(challenge.Headers.Location!);
        _client.Dispose();
        await _app.DisposeAsync(); // the state lives in the database, not in the instance that sent the browser away
        StartApp();
        using var callback = new HttpRequestMessage(HttpMethod.Get, approved.Headers.Location!.PathAndQuery);
        callback.Headers.Add("Cookie", cookies);

        var response = await _client.SendAsync(callback);
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Equal("/whoop", response.Headers.Location!.OriginalString);
        Assert.True((bool?)status["connected"]);
    }

    [Fact]
    public async Task Connect_StateUsedTwice_IsRefusedTheSecondTime()
    {
        var challenge = await _client.GetAsync("/login/whoop");
        var approved = await _browserAtWhoop!.GetAsync(challenge.Headers.Location!);
        var first = await _client.GetAsync(approved.Headers.Location!.PathAndQuery);

        var replay = await _client.GetAsync(approved.Headers.Location!.PathAndQuery);

        Assert.Equal("/whoop", first.Headers.Location!.OriginalString);
        Assert.Equal("/whoop?error=failed", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_AfterLogout_IsEndedOnTheServerEvenForACopiedCookie()
    {
        var callback = await ConnectAsync();
        var copied = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pt-session=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var before = await HangfireWithCookieAsync(thief, copied);

        await LogoutAsync();
        var after = await HangfireWithCookieAsync(thief, copied);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.NotEqual(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Session_HasAnAbsoluteLifetimeOfSevenDays()
    {
        await ConnectAsync();
        for (var day = 0; day < 6; day++)
        {
            _app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/hangfire")).StatusCode); // in use every day
        }

        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.NotEqual(HttpStatusCode.OK, (await _client.GetAsync("/hangfire")).StatusCode);
    }

    private static async Task<HttpStatusCode> HangfireWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task LogoutAsync()
    {
        var form = await _client.GetStringAsync("/logout");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var logout = await _client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    [Fact]
    public async Task Tokens_ThroughSignInSyncAndRenewal_NeverAppearInResponsesOrLogs()
    {
        await ConnectAsync();
        await _client.PostAsync("/api/whoop/refresh?days=2", null);
        _whoop.State.AccessTokens.Clear(); // expired: the next call renews it
        var bodies = new List<string>();
        foreach (var url in new[] { "/api/whoop/status", "/api/whoop/profile", "/api/whoop/auth/test", "/api/whoop/sync/status" })
        {
            bodies.Add(await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
        }

        bodies.Add(await (await _client.PostAsync("/api/whoop/refresh?days=2", null)).Content.ReadAsStringAsync());

        Assert.Equal(1, _whoop.State.TokenRefreshes);
        var issued = new[] { "whoop-access-code-1", "whoop-refresh-code-1", "whoop-access-1", "whoop-refresh-1", _whoop.State.ClientSecret };
        var logs = string.Join('\n', _app.Logs.Lines);
        Assert.NotEmpty(_app.Logs.Lines);
        foreach (var secret in issued)
        {
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body));
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task Token_CloseToExpiry_IsRenewedBeforeUse()
    {
        await ConnectAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(58)); // the simulator's tokens last an hour

        var refresh = await _client.PostAsync("/api/whoop/refresh?days=2", null);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(1, _whoop.State.TokenRefreshes);
        Assert.DoesNotContain(_whoop.State.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Logout_EndsTheSessionButKeepsTheConnection()
    {
        await ConnectAsync();
        var form = await _client.GetStringAsync("/logout"); // the sign-out form, with its antiforgery token
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var logout = await _client.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.True((bool?)status["connected"]);
    }

    [Fact]
    public async Task Connect_StrangerAfterBootstrapImport_IsRefusedAndChangesNothing()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _extraSettings = new Dictionary<string, string?> { ["WHOOP_ACCESS_TOKEN"] = "whoop-access-token", ["WHOOP_REFRESH_TOKEN"] = "whoop-refresh-token" };
        StartApp();
        var imported = await _client.GetJsonAsync("/api/whoop/status"); // start-up imported the tokens and read their profile
        var ownerProfile = _whoop.State.Profile;
        _whoop.State.Profile = new WhoopUserProfile(99999, "intruder@example.com", "Other", "Person");

        var callback = await ConnectAsync();
        var status = await _client.GetJsonAsync("/api/whoop/status");
        var stranger = await _client.GetAsync("/hangfire");

        Assert.Equal("10129", (string?)imported["whoop_user_id"]);
        Assert.Equal("/whoop?error=refused", callback.Headers.Location!.OriginalString);
        Assert.Equal("10129", (string?)status["whoop_user_id"]);
        Assert.True((bool?)status["connected"]);
        Assert.NotEqual(HttpStatusCode.OK, stranger.StatusCode); // no owner session either
        _whoop.State.Profile = ownerProfile;
        var refresh = await _client.PostAsync("/api/whoop/refresh?days=2", null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode); // still the imported tokens
        Assert.Equal(0, _whoop.State.TokenRefreshes);
    }

    [Fact]
    public async Task Connect_FailureText_IsNeverReflected()
    {
        _whoop.State.ClientSecret = "rotated-secret"; // the code exchange now fails inside the OAuth handler

        var callback = await ConnectAsync();
        var page = await _client.GetStringAsync(callback.Headers.Location!.OriginalString);

        Assert.Equal("/whoop?error=failed", callback.Headers.Location!.OriginalString);
        Assert.Contains("WHOOP sign-in did not complete; try again.", page);
        Assert.DoesNotContain("invalid_client", page);
    }

    [Fact]
    public async Task Connect_ConfiguredOwnerIsSomeoneElse_RefusesTheFirstAccountToo()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _extraSettings = new Dictionary<string, string?> { ["Owner:WhoopUserId"] = "55555" };
        StartApp();

        var callback = await ConnectAsync();
        var status = await _client.GetJsonAsync("/api/whoop/status");

        Assert.Contains("error=", callback.Headers.Location!.OriginalString);
        Assert.False((bool?)status["connected"]);
    }
}
