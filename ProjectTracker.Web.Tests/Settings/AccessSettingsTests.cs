using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>Section <c>Access</c> (README "Access") bound and checked before start, as the app registers it.</summary>
public sealed class AccessSettingsTests
{
    private static void Register(IServiceCollection services) =>
        services.AddAccessSettings().AddSettings<WhoopOptions>(WhoopOptions.Section);

    private static AccessOptions Bind(params (string Key, string? Value)[] settings) =>
        BoundSettings.Bind<AccessOptions>(Register, settings);

    private static string StartupLine(params (string Key, string? Value)[] settings) =>
        BoundSettings.StartupLine<AccessOptions>(Register, settings);

    [Fact]
    public void Nothing_PublicWithTheDefaultLimits()
    {
        var options = Bind();

        Assert.False(options.RequireLogin);
        Assert.Null(options.ApiKey);
        Assert.Equal(6, options.RefreshPermitsPerMinute);
        Assert.Equal(10, options.SignInPermitsPerMinute);
        Assert.Equal(TimeSpan.FromDays(7), options.SessionLifetime);
        Assert.Null(options.PublicBaseUrl);
        Assert.False(options.TrustAllProxies);
        Assert.Empty(options.TrustedNetworks);
    }

    [Fact]
    public void ShortApiKey_NamesTheSettingWithoutTheValue()
    {
        var line = StartupLine(("Access:ApiKey", "short-secret"));

        Assert.Equal("Configuration error: Access:ApiKey must be at least 16 characters long (a random string, e.g. from `openssl rand -hex 32`).", line);
        Assert.DoesNotContain("short-secret", line);
    }

    [Theory]
    [InlineData("Access:RefreshPermitsPerMinute", "-1", "must be a whole number from 0 to 10000; got '-1'.")]
    [InlineData("Access:RefreshPermitsPerMinute", "six", "must be a whole number from 0 to 10000; got 'six'.")]
    [InlineData("Access:RequireLogin", "yes", "must be true or false; got 'yes'.")]
    [InlineData("Access:SessionLifetime", "00:00:00", "must be a duration from a minute to a year such as 7.00:00:00; got '00:00:00'.")]
    [InlineData("Access:SessionLifetime", "400.00:00:00", "must be a duration from a minute to a year such as 7.00:00:00; got '400.00:00:00'.")]
    [InlineData("Access:TrustedProxies", "10.0.0.0/8, proxy.internal", "must be comma-separated IP addresses or networks (10.0.0.0/8), or * for any; 'proxy.internal' is neither.")]
    [InlineData("Access:TrustedProxies", "10.0.0.1/99", "must be comma-separated IP addresses or networks (10.0.0.0/8), or * for any; '10.0.0.1/99' is neither.")]
    public void BadValue_OneLineNamingTheSetting(string key, string value, string problem) =>
        Assert.Equal($"Configuration error: {key} {problem}",
            StartupLine((key, value), ("WHOOP_CLIENT_ID", "id"), ("WHOOP_CLIENT_SECRET", "secret")));

    [Theory]
    [InlineData("tracker.example")]
    [InlineData("https://tracker.example/?next=evil")]
    [InlineData("ftp://tracker.example")]
    public void PublicBaseUrlThatIsNotTheAppsAddress_NamesTheOldNameToo(string value) =>
        Assert.Equal(
            $"Configuration error: Access:PublicBaseUrl (PUBLIC_BASE_URL) must be the app's absolute address such as https://tracker.example (no query); got '{value}'.",
            StartupLine(("PUBLIC_BASE_URL", value)));

    [Fact]
    public void RequireLoginWithoutWhoopCredentials_StopsStartUp() =>
        Assert.Equal(
            "Configuration error: Access:RequireLogin needs WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET: the owner signs in with WHOOP, so without them nobody could.",
            StartupLine(("Access:RequireLogin", "true"), ("WHOOP_CLIENT_ID", "id")));

    [Fact]
    public void RequireLoginWithWhoopCredentials_IsAccepted() =>
        Assert.True(Bind(("Access:RequireLogin", "true"), ("Whoop:ClientId", "id"), ("Whoop:ClientSecret", "secret")).RequireLogin);

    [Fact]
    public void TrustedProxies_AddressesNetworksAndAny()
    {
        var options = Bind(("Access:TrustedProxies", "10.1.2.3, 192.168.0.0/16, fd00::/8"));
        var any = Bind(("Access:TrustedProxies", "*"));

        Assert.Equal(["10.1.2.3/32", "192.168.0.0/16", "fd00::/8"], options.TrustedNetworks.Select(n => n.ToString()));
        Assert.False(options.TrustAllProxies);
        Assert.True(any.TrustAllProxies);
        Assert.Empty(any.TrustedNetworks);
    }
}
