using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using ProjectTracker.Domain.Configuration;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Access;

/// <summary>The settings and the rules the dashboards use, without a running app.</summary>
public sealed class AccessRulesTests
{
    private const string Key = "0123456789abcdef-key";
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Owner = SignedIn("10129");

    private static ClaimsPrincipal SignedIn(string whoopUserId) =>
        new(new ClaimsIdentity([new Claim(WhoopLogin.UserIdClaim, whoopUserId)], "Cookies"));

    private static RefreshAccess Rules(string? apiKey = null, bool requireLogin = false, string? configuredOwner = null) =>
        new(new AccessOptions { ApiKey = apiKey, RequireLogin = requireLogin }, new OwnerRule(configuredOwner));

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

    private static AccessOptions Read(params (string Key, string Value)[] settings) =>
        AccessOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Read_Nothing_PublicWithTheDefaultLimit()
    {
        var options = Read();

        Assert.False(options.RequireLogin);
        Assert.Null(options.ApiKey);
        Assert.Equal(6, options.RefreshPermitsPerMinute);
        Assert.False(options.TrustAllProxies);
        Assert.Empty(options.TrustedProxies);
    }

    [Fact]
    public void Read_ShortApiKey_NamesTheSettingWithoutTheValue()
    {
        var error = Assert.Throws<SettingException>(() => Read(("Access:ApiKey", "short-secret")));

        Assert.Equal("Access:ApiKey", error.Setting);
        Assert.DoesNotContain("short-secret", error.Message);
    }

    [Theory]
    [InlineData("Access:RefreshPermitsPerMinute", "-1")]
    [InlineData("Access:RefreshPermitsPerMinute", "six")]
    [InlineData("Access:RequireLogin", "yes")]
    [InlineData("Access:TrustedProxies", "10.0.0.0/8, proxy.internal")]
    [InlineData("Access:TrustedProxies", "10.0.0.1/99")]
    public void Read_BadValue_NamesTheSetting(string key, string value)
    {
        var error = Assert.Throws<SettingException>(() => Read((key, value), ("WHOOP_CLIENT_ID", "id"), ("WHOOP_CLIENT_SECRET", "secret")));

        Assert.Equal(key, error.Setting);
        Assert.StartsWith($"Configuration error: {key} ", error.Message);
    }

    [Fact]
    public void Read_RequireLoginWithoutWhoopCredentials_StopsStartUp()
    {
        var error = Assert.Throws<SettingException>(() => Read(("Access:RequireLogin", "true")));

        Assert.Equal("Access:RequireLogin", error.Setting);
        Assert.Contains("WHOOP_CLIENT_ID", error.Message);
    }

    [Fact]
    public void Read_RequireLoginWithWhoopCredentials_IsAccepted() =>
        Assert.True(Read(("Access:RequireLogin", "true"), ("Whoop:ClientId", "id"), ("Whoop:ClientSecret", "secret")).RequireLogin);

    [Fact]
    public void Read_TrustedProxies_AddressesNetworksAndAny()
    {
        var options = Read(("Access:TrustedProxies", "10.1.2.3, 192.168.0.0/16, fd00::/8"));
        var any = Read(("Access:TrustedProxies", "*"));

        Assert.Equal(["10.1.2.3/32", "192.168.0.0/16", "fd00::/8"], options.TrustedProxies.Select(n => n.ToString()));
        Assert.False(options.TrustAllProxies);
        Assert.True(any.TrustAllProxies);
    }
}
