using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary><c>POST /whoop/disconnect</c>: the dashboard's Disconnect form, for the signed-in owner only.</summary>
public sealed class WhoopDisconnectTests : IAsyncLifetime
{
    private AccessApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AccessApp.StartAsync(new Dictionary<string, string?>());
        var today = DateTime.UtcNow.Date;
        await _app.App.SeedAsync(db =>
        {
            db.WhoopRecoveries.Add(new WhoopRecovery { CycleId = "c-1", Date = today, RecoveryScore = 70 });
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Disconnect_OwnerWithTheFormToken_ForgetsTheTokensAndKeepsTheData()
    {
        using var owner = await _app.SignedInBrowserAsync();

        var response = await PostDisconnectAsync(owner, await FormTokenAsync(owner));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/whoop?disconnected=true", response.Headers.Location!.OriginalString);
        Assert.Equal(1, _app.Whoop.State.Revocations); // revoked at WHOOP: the grant's tokens no longer work there
        Assert.Empty(_app.Whoop.State.AccessTokens);
        var status = await owner.GetJsonAsync("/api/whoop/status");
        Assert.False((bool?)status["connected"]);
        Assert.False((bool?)status["has_access_token"]);
        Assert.False((bool?)status["has_refresh_token"]);
        Assert.Single((await owner.GetJsonAsync("/api/whoop/recovery?days=2")).AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync("/api/whoop/refresh?days=2", null)).StatusCode);
    }

    [Fact]
    public async Task Disconnect_WhoopFailsToRevoke_ForgetsTheTokensAndSaysToRevokeAtWhoop()
    {
        using var owner = await _app.SignedInBrowserAsync();
        _app.Whoop.State.AddFault("/developer/v2/user/access", 503);

        var response = await PostDisconnectAsync(owner, await FormTokenAsync(owner));

        Assert.Equal("/whoop?disconnected=true&revoked=false", response.Headers.Location!.OriginalString);
        Assert.Equal(0, _app.Whoop.State.Revocations);
        Assert.False((bool?)(await owner.GetJsonAsync("/api/whoop/status"))["has_access_token"]);
        var page = await owner.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("remove Project Tracker from the connected apps in your WHOOP account", page);
    }

    [Fact]
    public async Task Disconnect_OwnerWithoutTheFormToken_IsRefusedAndChangesNothing()
    {
        using var owner = await _app.SignedInBrowserAsync();

        var response = await PostDisconnectAsync(owner, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((bool?)(await owner.GetJsonAsync("/api/whoop/status"))["connected"]);
    }

    [Fact]
    public async Task Disconnect_AVisitorWithAValidFormToken_IsRefusedAndChangesNothing()
    {
        using var owner = await _app.SignedInBrowserAsync(); // connected by the owner
        using var visitor = _app.CreateBrowser();
        var issuing = new DefaultHttpContext { RequestServices = _app.App.Services };
        var tokens = _app.App.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issuing);
        visitor.DefaultRequestHeaders.Add("Cookie", issuing.Response.Headers.SetCookie.ToString().Split(';')[0]);

        var response = await PostDisconnectAsync(visitor, tokens.RequestToken);

        // Sent to sign in (or refused outright), never to "disconnected".
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/login/whoop", StringComparison.Ordinal);
        Assert.True(refused, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.True((bool?)(await owner.GetJsonAsync("/api/whoop/status"))["connected"]);
    }

    /// <summary>The antiforgery token of this browser's session, from the sign-out form the app serves.</summary>
    private static async Task<string> FormTokenAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync("/logout");
        return Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostDisconnectAsync(HttpClient browser, string? token) =>
        browser.PostAsync(WhoopLogin.DisconnectPath, new FormUrlEncodedContent(
            token is null ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
}
