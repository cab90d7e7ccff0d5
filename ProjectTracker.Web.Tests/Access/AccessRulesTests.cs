using System.Security.Claims;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>The rules the dashboards use, without a running app.</summary>
public sealed class AccessRulesTests
{
    private const string Key = "0123456789abcdef-key";
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Owner = SignedIn("10129");

    private static ClaimsPrincipal SignedIn(string whoopUserId) =>
        new(new ClaimsIdentity([new Claim(WhoopLogin.UserIdClaim, whoopUserId)], "Cookies"));

    private static RefreshAccess Rules(string? apiKey = null, bool requireLogin = false, string? configuredOwner = null) =>
        new(new AccessOptions { ApiKey = apiKey, RequireLogin = requireLogin }, new OwnerRule(new OwnerOptions { WhoopUserId = configuredOwner }));

    [Fact]
    public void CanRefresh_NoKey_ShowsRefreshToEveryone()
    {
        Assert.True(Rules().CanRefresh(Anonymous));
        Assert.True(Rules().CanRefresh(Owner));
    }

    [Fact]
    public void CanRefresh_KeySet_ShowsRefreshToTheOwnerOnly()
    {
        Assert.False(Rules(Key).CanRefresh(Anonymous));
        Assert.True(Rules(Key).CanRefresh(Owner));
    }

    [Fact]
    public void CanRefresh_LoginRequired_OwnerOnly()
    {
        Assert.False(Rules(requireLogin: true).CanRefresh(Anonymous));
        Assert.True(Rules(requireLogin: true).CanRefresh(Owner));
    }

    [Fact]
    public void CanRefresh_SessionOfAnotherAccountThanTheConfiguredOwner_IsRefused()
    {
        Assert.False(Rules(Key, configuredOwner: "55555").CanRefresh(Owner));
        Assert.True(Rules(Key, configuredOwner: "10129").CanRefresh(Owner));
    }

    [Fact]
    public void CanRefresh_UnauthenticatedIdentityWithTheClaim_IsNotTheOwner()
    {
        var forged = new ClaimsPrincipal(new ClaimsIdentity([new Claim(WhoopLogin.UserIdClaim, "10129")]));

        Assert.False(Rules(Key).CanRefresh(forged));
    }

    [Theory]
    [InlineData(Key, true)]
    [InlineData(Key + "x", false)]
    [InlineData("0123456789abcdef-keY", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void KeyMatches_OnlyTheExactKey(string? presented, bool expected) =>
        Assert.Equal(expected, Rules(Key).KeyMatches(presented));

    [Fact]
    public void KeyMatches_NoKeyConfigured_MatchesNothing() => Assert.False(Rules().KeyMatches("anything-at-all-here"));
}
