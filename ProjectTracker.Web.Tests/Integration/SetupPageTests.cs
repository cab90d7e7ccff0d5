using System.Text.RegularExpressions;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The setup guide at <c>/setup</c> and in the README: the same paths and scopes the app really uses.</summary>
public sealed partial class SetupPageTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    [Fact]
    public async Task SetupPage_NothingConfigured_GivesThisInstancesUrlsAndExactlyTheScopesToTick()
    {
        var html = await fixture.Client.GetStringAsync("/setup");

        Assert.Contains("data-testid=\"setup-guide\"", html);
        Assert.Contains($">{fixture.Client.BaseAddress}signin-whoop<", html);
        Assert.Contains($">{fixture.Client.BaseAddress}api/whoop/webhook<", html);
        var scopes = ScopesItem().Match(html);
        Assert.True(scopes.Success, "/setup has the WHOOP scopes step");
        Assert.Equal(WhoopScopes.ToTick, ScopeCode().Matches(scopes.Value).Select(m => m.Groups[1].Value));
        Assert.Contains(WhoopScopes.OfflineExplained, scopes.Value);
    }

    [Fact]
    public async Task SetupPage_LinksInText_AreUnderlinedNotColouredOnly()
    {
        var html = await fixture.Client.GetStringAsync("/setup");

        var links = LinkClass().Matches(html).Select(m => m.Groups[1].Value).ToList();

        // WCAG 1.4.1: a link inside text must differ from it by more than colour (its blue is 1.67:1 against the text).
        Assert.NotEmpty(links);
        Assert.All(links, classes => Assert.Contains("mud-link-underline-always", classes));
    }

    [Fact]
    public async Task SetupPage_PublicBaseUrlSet_GivesThatAddressAsWhoopWillSeeIt()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new TrackerAppFactory(database, new Dictionary<string, string?> { ["Access:PublicBaseUrl"] = "https://tracker.example/" });
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/setup");

        Assert.Contains(">https://tracker.example/signin-whoop<", html);
        Assert.Contains(">https://tracker.example/api/whoop/webhook<", html);
        Assert.DoesNotContain("data-testid=\"setup-https-warning\"", html);
    }

    [Fact]
    public async Task Root_NothingConfiguredButDataStored_ShowsTheOverviewNotTheGuide()
    {
        var html = await fixture.Client.GetStringAsync("/");

        Assert.Contains("data-testid=\"overview-github\"", html);
        Assert.DoesNotContain("data-testid=\"setup-guide\"", html);
        Assert.Contains("href=\"/setup\"", html);
    }

    [Fact]
    public void Readme_ConnectingYourAccounts_NamesThePathsAndExactlyTheScopesTheAppUses()
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = Section().Match(readme);

        Assert.True(section.Success, "README.md has a \"## Connecting your accounts\" section");
        Assert.Contains($"https://<host>{WhoopLogin.CallbackPath}", section.Value);
        Assert.Contains($"https://<host>{WhoopWebhooks.Path}", section.Value);
        var toTick = ScopesBullet().Match(section.Value);
        Assert.True(toTick.Success, "README.md has a \"- Scopes to tick:\" bullet");
        Assert.Equal(WhoopScopes.ToTick, ReadmeScope().Matches(toTick.Value).Select(m => m.Groups[1].Value));
        Assert.Contains(WhoopScopes.OfflineExplained, toTick.Value); // the same words as /setup
        var whoop = section.Value[section.Value.IndexOf("**WHOOP.**", StringComparison.Ordinal)..]; // after GitHub's read:org
        Assert.Empty(ReadmeScope().Matches(whoop).Select(m => m.Groups[1].Value).Except(WhoopScopes.Requested));
    }

    [GeneratedRegex(@"^## Connecting your accounts$.*?(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^- Scopes to tick:.*?(?=^- |^\s*$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ScopesBullet();

    [GeneratedRegex(@"`((?:read:[a-z_]+)|offline)`")]
    private static partial Regex ReadmeScope();

    [GeneratedRegex(@"<li data-testid=""setup-whoop-scopes"">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex ScopesItem();

    [GeneratedRegex(@"<a [^>]*class=""([^""]*\bmud-link\b[^""]*)""")]
    private static partial Regex LinkClass();

    [GeneratedRegex(@"<code class=""mr-1"">([^<]+)</code>")]
    private static partial Regex ScopeCode();
}
