using System.Net;
using System.Text.RegularExpressions;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>With default settings (public dashboards): <c>/hangfire</c> for the owner only; sign-out needs its form's token.</summary>
/// <remarks>
/// One app for the class: each test signs in with a browser of its own, and a sign-out ends that browser's session only
/// (the first account to connect stays the owner; every test connects as it).
/// </remarks>
public sealed partial class OwnerPagesTests(OwnerPagesTests.App app) : IClassFixture<OwnerPagesTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AccessApp Access { get; private set; } = null!;

        public async Task InitializeAsync() => Access = await AccessApp.StartAsync(new Dictionary<string, string?>());

        public async Task DisposeAsync() => await Access.DisposeAsync();
    }

    private AccessApp Access => app.Access;

    [Fact]
    public async Task Hangfire_Anonymous_IsSentToTheLogin()
    {
        using var browser = Access.CreateBrowser();

        var page = await browser.GetAsync("/hangfire");
        var stats = await browser.PostAsync("/hangfire/stats", null);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login/whoop?returnUrl=%2Fhangfire", page.Headers.Location!.OriginalString);
        await stats.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hangfire_SignedInOwner_IsServed()
    {
        using var owner = await Access.SignedInBrowserAsync();

        var page = await owner.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_PostWithoutTheFormsToken_IsRefusedAndTheSessionStays()
    {
        using var owner = await Access.SignedInBrowserAsync();

        var logout = await owner.PostAsync("/logout", null);
        var hangfire = await owner.GetAsync("/hangfire");

        await logout.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, hangfire.StatusCode);
    }

    [Fact]
    public async Task Logout_PostWithAnotherSessionsToken_IsRefused()
    {
        using var owner = await Access.SignedInBrowserAsync();
        using var other = Access.CreateBrowser();
        var foreignToken = TokenField().Match(await other.GetStringAsync("/logout")).Groups["value"].Value;

        var logout = await owner.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = foreignToken }));

        await logout.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Logout_ThroughItsForm_EndsTheSession()
    {
        using var owner = await Access.SignedInBrowserAsync();
        var form = await owner.GetStringAsync("/logout");
        var token = TokenField().Match(form);

        var logout = await owner.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { [token.Groups["name"].Value] = token.Groups["value"].Value }));
        var hangfire = await owner.GetAsync("/hangfire");

        Assert.True(token.Success, form);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, hangfire.StatusCode);
    }

    [GeneratedRegex("name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();
}
