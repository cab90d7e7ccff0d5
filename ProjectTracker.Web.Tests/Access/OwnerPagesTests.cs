using System.Net;
using System.Text.RegularExpressions;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>With default settings (public dashboards): <c>/hangfire</c> for the owner only; sign-out needs its form's token.</summary>
public sealed partial class OwnerPagesTests : IAsyncLifetime
{
    private AccessApp _access = null!;

    public async Task InitializeAsync() => _access = await AccessApp.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _access.DisposeAsync();

    [Fact]
    public async Task Hangfire_Anonymous_IsSentToTheLogin()
    {
        using var browser = _access.CreateBrowser();

        var page = await browser.GetAsync("/hangfire");
        var stats = await browser.PostAsync("/hangfire/stats", null);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login/whoop?returnUrl=%2Fhangfire", page.Headers.Location!.OriginalString);
        await stats.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hangfire_SignedInOwner_IsServed()
    {
        using var owner = await _access.SignedInBrowserAsync();

        var page = await owner.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_PostWithoutTheFormsToken_IsRefusedAndTheSessionStays()
    {
        using var owner = await _access.SignedInBrowserAsync();

        var logout = await owner.PostAsync("/logout", null);
        var hangfire = await owner.GetAsync("/hangfire");

        await logout.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, hangfire.StatusCode);
    }

    [Fact]
    public async Task Logout_PostWithAnotherSessionsToken_IsRefused()
    {
        using var owner = await _access.SignedInBrowserAsync();
        using var other = _access.CreateBrowser();
        var foreignToken = TokenField().Match(await other.GetStringAsync("/logout")).Groups["value"].Value;

        var logout = await owner.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = foreignToken }));

        await logout.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Logout_ThroughItsForm_EndsTheSession()
    {
        using var owner = await _access.SignedInBrowserAsync();
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
