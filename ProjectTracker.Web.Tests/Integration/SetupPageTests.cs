using System.Text.RegularExpressions;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>The setup guide at <c>/setup</c> and in the README: the same paths and scopes the app really uses.</summary>
public sealed partial class SetupPageTests(SqliteFilledApp fixture) : IClassFixture<SqliteFilledApp>
{
    [Fact]
    public async Task SetupPage_NothingConfigured_GivesThisInstancesUrlsAndEveryScope()
    {
        var html = await fixture.Client.GetStringAsync("/setup");

        Assert.Contains("data-testid=\"setup-guide\"", html);
        Assert.Contains($">{fixture.Client.BaseAddress}signin-whoop<", html);
        Assert.Contains($">{fixture.Client.BaseAddress}api/whoop/webhook<", html);
        foreach (var scope in WhoopLogin.Scopes.Where(s => s != "offline"))
        {
            Assert.Contains($"<code class=\"mr-1\">{scope}</code>", html);
        }
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
    public void Readme_ConnectingYourAccounts_NamesThePathsAndScopesTheAppUses()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = Section().Match(readme);

        Assert.True(section.Success, "README.md has a \"## Connecting your accounts\" section");
        Assert.Contains($"https://<host>{WhoopLogin.CallbackPath}", section.Value);
        Assert.Contains($"https://<host>{WhoopWebhooks.Path}", section.Value);
        foreach (var scope in WhoopLogin.Scopes)
        {
            Assert.Contains($"`{scope}`", section.Value);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProjectTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ProjectTracker.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"^## Connecting your accounts$.*?(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();
}
