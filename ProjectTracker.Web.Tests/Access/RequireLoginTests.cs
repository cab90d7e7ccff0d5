using System.Net;
using System.Text;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Web.Tests.Access;

public sealed class RequireLoginApp : IAsyncLifetime
{
    public AccessApp Access { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Access = await AccessApp.StartAsync(new Dictionary<string, string?> { ["Access:RequireLogin"] = "true" });

    public async Task DisposeAsync() => await Access.DisposeAsync();
}

/// <summary><c>Access:RequireLogin=true</c>: everything behind the owner's login except sign-in, health, assets and the webhook.</summary>
public sealed class RequireLoginTests(RequireLoginApp fixture) : IClassFixture<RequireLoginApp>
{
    private AccessApp Access => fixture.Access;

    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/github?sort=name", "%2Fgithub%3Fsort%3Dname")]
    [InlineData("/whoop", "%2Fwhoop")]
    [InlineData("/scalar/v1", "%2Fscalar%2Fv1")]
    [InlineData("/hangfire", "%2Fhangfire")]
    [InlineData("/no-such-page", "%2Fno-such-page")]
    public async Task Page_Anonymous_RedirectsToTheLoginAndBack(string path, string returnUrl)
    {
        using var browser = Access.CreateBrowser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login/whoop?returnUrl={returnUrl}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/whoop/status")]
    [InlineData("/api/whoop/refresh/today")]
    [InlineData("/api/projects")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/github/timesheet")]
    [InlineData("/api/github/activity")]
    [InlineData("/api/export/projects.csv")]
    [InlineData("/api/export/recovery.csv")]
    public async Task Api_Anonymous_Is401Problem(string path)
    {
        using var browser = Access.CreateBrowser();

        var problem = await (await browser.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("/login/whoop", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Refresh_AnonymousWithoutApiKeySetting_Is401SayingToSignIn()
    {
        using var browser = Access.CreateBrowser();

        var problem = await (await browser.PostAsync("/api/whoop/refresh", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("sign in", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/whoop/status")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/github")]
    [InlineData("/scalar/v1")]
    [InlineData("/api/export/sleep.csv")]
    public async Task Anything_SignedInOwner_IsServed(string path)
    {
        using var browser = await Access.SignedInBrowserAsync();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_FromAProtectedPage_ComesBackToIt()
    {
        using var browser = Access.CreateBrowser();
        var first = await browser.GetAsync("/github?sort=name");

        var callback = await Access.ConnectAsync(browser, first.Headers.Location!.OriginalString);
        var page = await browser.GetAsync(callback.Headers.Location!.OriginalString);

        Assert.Equal("/github?sort=name", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Login_AnotherWhoopAccount_LandsOnAPublicRefusalPageInsteadOfLooping()
    {
        using var owner = await Access.SignedInBrowserAsync(); // the first account owns the app
        var ownerProfile = Access.Whoop.State.Profile;
        Access.Whoop.State.Profile = new WhoopUserProfile(99999, "intruder@example.com", "Other", "Person");
        try
        {
            using var stranger = Access.CreateBrowser();
            var callback = await Access.ConnectAsync(stranger);
            var refused = await stranger.GetAsync(callback.Headers.Location!.OriginalString);
            var dashboard = await stranger.GetAsync("/whoop");

            Assert.Equal("/login/refused?error=refused", callback.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("another WHOOP account", await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        }
        finally
        {
            Access.Whoop.State.Profile = ownerProfile;
        }
    }

    [Fact]
    public async Task RefusalPage_NeverReflectsTheQuery()
    {
        using var browser = Access.CreateBrowser();

        var html = await browser.GetStringAsync("/login/refused?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.DoesNotContain("script", html);
        Assert.Contains("WHOOP sign-in did not complete; try again.", html);
    }

    [Fact]
    public async Task PublicPaths_Anonymous_AreReachable()
    {
        using var browser = Access.CreateBrowser();

        var health = await browser.GetAsync("/healthz");
        var login = await browser.GetAsync("/login/whoop");
        // The app's own asset: package assets (_content, _framework) are only served by a published build outside Development.
        var stylesheet = await browser.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith(Access.Whoop.ApiBaseUrl.GetLeftPart(UriPartial.Authority), login.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    [Fact]
    public async Task Webhook_Anonymous_ReachesItsOwnSignatureCheck()
    {
        using var browser = Access.CreateBrowser();
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        var problem = await (await browser.PostAsync("/api/whoop/webhook", body)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // The endpoint's answer, not the login rule's.
        Assert.Equal("Invalid webhook signature", (string?)problem["error"]);
    }
}
