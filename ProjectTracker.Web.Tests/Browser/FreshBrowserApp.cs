using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// The app on an empty database, pointed at GitHub and WHOOP simulators (in the test process) it has not synced from yet
/// and not connected to WHOOP: whatever the dashboards show was caused by the test's clicks.
/// </summary>
public sealed class FreshBrowserApp : BrowserApp
{
    public const string Collection = "Browser: fresh app";
    public const int Repositories = 12;
    public const int WhoopDays = 120;

    public GitHubSimulatorServer GitHub { get; private set; } = null!;

    public WhoopSimulatorServer Whoop { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync()
    {
        GitHub = await GitHubSimulatorServer.StartAsync();
        GitHubDataGenerator.Populate(GitHub.State, Repositories);
        GitHub.State.AddedLatency = TimeSpan.FromMilliseconds(25); // a refresh lasts long enough for its progress to be seen
        Whoop = await WhoopSimulatorServer.StartAsync();
        WhoopDataGenerator.Populate(Whoop.State, WhoopDays);
        return new Dictionary<string, string>
        {
            ["GitHub__ApiBaseUrl"] = GitHub.BaseAddress.ToString(),
            ["GitHub__AccessToken"] = GitHub.State.Tokens.First(),
            ["GitHub__RequestAttempts"] = "2",
            ["Whoop__ApiBaseUrl"] = Whoop.ApiBaseUrl.ToString(),
            ["Whoop__TokenEndpoint"] = Whoop.TokenEndpoint.ToString(),
            ["Whoop__AuthorizationEndpoint"] = new Uri(Whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["WHOOP_CLIENT_ID"] = Whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = Whoop.State.ClientSecret,
        };
    }

    protected override async ValueTask DisposeMoreAsync()
    {
        if (GitHub is not null)
        {
            await GitHub.DisposeAsync();
        }

        if (Whoop is not null)
        {
            await Whoop.DisposeAsync();
        }
    }
}

[CollectionDefinition(FreshBrowserApp.Collection)]
public sealed class FreshBrowserCollection : ICollectionFixture<FreshBrowserApp>;
