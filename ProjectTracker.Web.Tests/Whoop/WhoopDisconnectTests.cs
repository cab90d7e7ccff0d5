using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary><c>POST /whoop/disconnect</c>: the dashboard's Disconnect form.</summary>
public sealed class WhoopDisconnectTests : ConnectedWhoopApp
{
    /// <summary>A form post as the dashboard's form sends it: the antiforgery cookie plus the matching form field.</summary>
    private async Task<HttpResponseMessage> PostDisconnectAsync(bool withToken)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, WhoopLogin.DisconnectPath);
        var fields = new Dictionary<string, string>();
        if (withToken)
        {
            var issuing = new DefaultHttpContext { RequestServices = App.Services };
            var tokens = App.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issuing);
            request.Headers.Add("Cookie", issuing.Response.Headers.SetCookie.ToString().Split(';')[0]);
            fields[tokens.FormFieldName] = tokens.RequestToken!;
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Disconnect_WithTheFormToken_ForgetsTheTokensAndKeepsTheData()
    {
        await Client.PostAsync("/api/whoop/refresh?days=2", null);

        var response = await PostDisconnectAsync(withToken: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/whoop?disconnected=true", response.Headers.Location!.OriginalString);
        var status = await Client.GetJsonAsync("/api/whoop/status");
        Assert.False((bool?)status["connected"]);
        Assert.False((bool?)status["has_access_token"]);
        Assert.False((bool?)status["has_refresh_token"]);
        Assert.Single((await Client.GetJsonAsync("/api/whoop/recovery?days=2")).AsArray());
        var refresh = await Client.PostAsync("/api/whoop/refresh?days=2", null);
        Assert.Equal(HttpStatusCode.Conflict, refresh.StatusCode);
    }

    [Fact]
    public async Task Disconnect_WithoutTheFormToken_IsRefusedAndChangesNothing()
    {
        var response = await PostDisconnectAsync(withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((bool?)(await Client.GetJsonAsync("/api/whoop/status"))["connected"]);
    }
}
