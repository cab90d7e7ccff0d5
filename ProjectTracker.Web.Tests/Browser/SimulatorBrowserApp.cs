using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The app pointed at GitHub and WHOOP simulators in the test process, filled by the fixture as it needs.</summary>
public abstract class SimulatorBrowserApp : BrowserApp
{
    public GitHubSimulatorServer GitHub { get; private set; } = null!;

    public WhoopSimulatorServer Whoop { get; private set; } = null!;

    /// <summary>Fills the simulators before the app starts.</summary>
    protected abstract void Populate(GitHubSimulatorState github, WhoopSimulatorState whoop);

    /// <summary>Settings beyond the simulators' addresses and credentials.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings() => [];

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync()
    {
        GitHub = await GitHubSimulatorServer.StartAsync();
        Whoop = await WhoopSimulatorServer.StartAsync();
        Populate(GitHub.State, Whoop.State);
        var settings = new Dictionary<string, string>
        {
            ["GitHub__ApiBaseUrl"] = GitHub.BaseAddress.ToString(),
            ["GitHub__AccessToken"] = GitHub.State.Tokens.First(),
            ["Whoop__ApiBaseUrl"] = Whoop.ApiBaseUrl.ToString(),
            ["Whoop__TokenEndpoint"] = Whoop.TokenEndpoint.ToString(),
            ["Whoop__AuthorizationEndpoint"] = new Uri(Whoop.ApiBaseUrl, "/oauth/oauth2/auth").ToString(),
            ["WHOOP_CLIENT_ID"] = Whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = Whoop.State.ClientSecret,
        };
        foreach (var (key, value) in MoreSettings())
        {
            settings[key] = value;
        }

        return settings;
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
