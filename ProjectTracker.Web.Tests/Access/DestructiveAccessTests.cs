using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>Destroying data needs the owner (or the API key); with no access configured, the local machine stands in.</summary>
public sealed class DestructiveAccessTests
{
    private const string Key = "k3y-for-tests-0123456789abcdef";

    private static readonly ClaimsPrincipal Owner = new(new ClaimsIdentity([new Claim(WhoopLogin.UserIdClaim, "10129")], "test"));

    [Theory]
    [InlineData(false, "127.0.0.1", null, false, true)] // unconfigured: the local machine
    [InlineData(false, "::1", null, false, true)]
    [InlineData(false, "203.0.113.9", null, false, false)] // unconfigured: nobody else
    [InlineData(false, "203.0.113.9", null, true, true)] // the owner from anywhere
    [InlineData(true, "127.0.0.1", null, false, false)] // a key is set: loopback is no owner
    [InlineData(true, "203.0.113.9", Key, false, true)] // the key opens the API
    [InlineData(true, "203.0.113.9", "wrong-key-0123456789abcdef", false, false)]
    [InlineData(true, "203.0.113.9", null, true, true)]
    public void IsAllowed_FollowsTheOwnerRule(bool keySet, string address, string? presented, bool signedIn, bool allowed)
    {
        var options = new AccessOptions { ApiKey = keySet ? Key : null };
        var owner = new OwnerRule(new OwnerOptions());
        var access = new DestructiveAccess(options, owner, new RefreshAccess(options, owner));
        var http = new DefaultHttpContext { User = signedIn ? Owner : new ClaimsPrincipal(new ClaimsIdentity()) };
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (presented is not null)
        {
            http.Request.Headers[AccessOptions.ApiKeyHeader] = presented;
        }

        Assert.Equal(allowed, access.IsAllowed(http));
    }
}
